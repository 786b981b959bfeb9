"""One Python that imports PyTorch once and runs each script in a fork of itself (test-only).

The tests that run exported scripts on a real PyTorch start python several times (a probe, a
script a test); each start spent about 2 s of CPU importing torch and scikit-learn, a tenth of
`mvn test`. This server pays the import once: a client (client.py, started as "python") passes
its arguments, working directory and standard streams (file descriptors over the socket), the
server forks, and the child runs `-c CODE` or `- ARGS` (the script on standard input) as a
fresh interpreter would: its own process, a fresh __main__ namespace, its exit status sent back.

Usage: python torch_zygote.py DIR; listens on DIR/socket, writes the client DIR/python, prints
"ready" once both exist, and exits when its parent (the test JVM) is gone; exits with status 3
at once when this Python cannot import PyTorch, scikit-learn or numpy.
"""
import builtins
import json
import os
import select
import signal
import socket
import sys
import threading
import traceback

NO_PYTORCH = 3  # the exit status that tells the tests this Python has no PyTorch (no point trying it without the zygote)

try:  # what every exported script imports: the cost paid once
    import numpy  # noqa: F401
    import sklearn.datasets  # noqa: F401
    import sklearn.model_selection  # noqa: F401
    import sklearn.preprocessing  # noqa: F401
    import torch  # noqa: F401
except ImportError:
    sys.exit(NO_PYTORCH)
if not hasattr(socket, "send_fds"):  # Python before 3.9 cannot pass the standard streams: the tests start plain processes
    sys.exit(1)

# the client: no site packages (-S), nothing imported but what passes the request on
CLIENT = """#!{python} -S
import json, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect({socket!r})
socket.send_fds(s, [json.dumps({{"argv": sys.argv[1:], "cwd": os.getcwd()}}).encode()], [0, 1, 2])
status = b""
while not status.endswith(b"\\n"):  # a line, not the end of the stream: a concurrent child may hold a copy of the socket
    chunk = s.recv(16)
    if not chunk:
        break
    status += chunk
sys.exit(int(status) if status.endswith(b"\\n") else 1)
"""


def run(argv):
    """The child: runs the request as `python ARGV` would, then exits with its status."""
    status = 0
    try:
        if argv[0] == "-c":
            code, name, sys.argv = argv[1], "<string>", ["-c"] + argv[2:]
        elif argv[0] == "-":
            code, name, sys.argv = sys.stdin.read(), "<stdin>", list(argv)
        else:
            raise SystemExit("torch_zygote: expected -c CODE or - ARGS, found " + argv[0])
        exec(compile(code, name, "exec"), {"__name__": "__main__", "__builtins__": builtins})
    except SystemExit as e:
        if e.code is None:
            status = 0
        elif isinstance(e.code, int):
            status = e.code
        else:
            print(e.code, file=sys.stderr)
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status & 0xFF)


def report(conn, pid):
    """Waits for the child; kills it when the client is gone (its caller stopped it), sends the status."""
    killed = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        readable, _, _ = select.select([conn], [], [], 0.05)
        if readable and not killed and not conn.recv(1):
            os.kill(pid, signal.SIGKILL)
            killed = True
    code = os.waitstatus_to_exitcode(status)
    try:
        conn.sendall(b"%d\n" % (code if code >= 0 else 128 - code))
    except OSError:
        pass
    conn.close()


def main():
    folder = sys.argv[1]
    path = os.path.join(folder, "socket")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    server.settimeout(1.0)
    client = os.path.join(folder, "python")
    with open(client, "w") as f:
        f.write(CLIENT.format(python=sys.executable, socket=path))
    os.chmod(client, 0o755)
    parent = os.getppid()
    print("ready", flush=True)
    while os.getppid() == parent:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        conn.settimeout(None)
        msg, fds, _, _ = socket.recv_fds(conn, 1 << 16, 3)
        request = json.loads(msg)
        pid = os.fork()  # in the main thread: the reporting threads hold no lock the child could need
        if pid == 0:
            server.close()
            conn.close()
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
                os.close(fd)
            os.chdir(request["cwd"])
            run(request["argv"])
        for fd in fds:
            os.close(fd)
        threading.Thread(target=report, args=(conn, pid), daemon=True).start()


if __name__ == "__main__":
    main()
