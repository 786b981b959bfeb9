package dev.trainspec.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A "python" that answers {@link PytorchEngine#start}'s probe as a Python with PyTorch would, and
 * records every other start (a script launch) in a file, then fails. Tests of what the PyTorch
 * engine refuses before launching anything need no PyTorch with it, and can see that nothing was
 * launched. A POSIX shell script: {@link #available()} is false where there is no /bin/sh.
 */
public record FakePython(Path executable, Path launches) {
    public static boolean available() {
        return Files.isExecutable(Path.of("/bin/sh"));
    }

    /** Writes the fake into {@code dir}. */
    public static FakePython in(Path dir) throws IOException {
        Path launches = dir.resolve("launches.txt");
        String script = "#!/bin/sh\n"
                + "if [ \"$1\" = \"-c\" ]; then echo '1.13.1 1.2.1 False generic AVX2'; exit 0; fi\n" // the probe
                + "cat > /dev/null\n" // reads the script as a python would, so the engine's write to its stdin never meets a closed pipe
                + "echo \"$@\" >> '" + launches + "'\n"
                + "echo 'RuntimeError: the fake python trains nothing' >&2\n"
                + "exit 1\n";
        Path executable = Files.writeString(dir.resolve("python3"), script);
        if (!executable.toFile().setExecutable(true)) throw new IOException("cannot make " + executable + " executable");
        return new FakePython(executable, launches);
    }

    /** How many scripts were launched. */
    public long launched() throws IOException {
        return Files.exists(launches) ? Files.readAllLines(launches).size() : 0;
    }

    public String path() {
        return executable.toString();
    }
}
