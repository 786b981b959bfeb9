package dev.trainspec.report.allure;

import dev.trainspec.report.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Allure shows about the run itself: {@code environment.properties} (Java, OS, trainspec
 * version, commit) and {@code executor.json} (GitHub Actions run, or a local run), from system
 * properties and the environment so that tests can pass their own.
 */
public final class RunEnvironment {
    private RunEnvironment() {}

    public static Map<String, String> properties(Map<String, String> env, Path repositoryRoot) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Java", System.getProperty("java.vm.name", "Java") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version")));
        p.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        p.put("trainspec", version());
        p.put("commit", commit(env, repositoryRoot));
        p.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String threads = System.getProperty("trainspec.threads");
        if (threads != null) p.put("trainspec.threads", threads);
        String shard = System.getProperty("trainspec.shard");
        if (shard != null) p.put("trainspec.shard", shard);
        return p;
    }

    /** The properties file: keys and values escaped as {@link java.util.Properties#load} reads them, without a date comment. */
    public static String propertiesFile(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    public static String executorJson(Map<String, String> env) {
        JsonWriter w = new JsonWriter().beginObject();
        String server = env.get("GITHUB_SERVER_URL");
        String repo = env.get("GITHUB_REPOSITORY");
        String runId = env.get("GITHUB_RUN_ID");
        if (server != null && repo != null && runId != null) {
            String number = env.getOrDefault("GITHUB_RUN_NUMBER", runId);
            w.name("name").value("GitHub Actions").name("type").value("github");
            w.name("url").value(server + "/" + repo + "/actions");
            w.name("buildOrder").value(parseLong(number));
            w.name("buildName").value(env.getOrDefault("GITHUB_WORKFLOW", "ci") + " #" + number);
            w.name("buildUrl").value(server + "/" + repo + "/actions/runs/" + runId);
        } else {
            w.name("name").value("local").name("type").value("local").name("buildName").value("local run");
        }
        String report = env.get("TRAINSPEC_REPORT_URL");
        if (report != null && !report.isBlank()) w.name("reportUrl").value(report);
        w.name("reportName").value("trainspec");
        return w.endObject().toString() + "\n";
    }

    static String version() {
        String v = System.getProperty("trainspec.version");
        if (v == null) v = RunEnvironment.class.getPackage().getImplementationVersion();
        if (v == null) {
            try (var in = RunEnvironment.class.getResourceAsStream("/META-INF/maven/dev.trainspec/trainspec/pom.properties")) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    v = p.getProperty("version");
                }
            } catch (IOException e) {
                v = null;
            }
        }
        return v == null ? "unknown" : v;
    }

    /** {@code GITHUB_SHA} on CI; otherwise what {@code .git/HEAD} points at (worktrees included); else "unknown". */
    static String commit(Map<String, String> env, Path root) {
        String sha = env.get("GITHUB_SHA");
        if (sha != null && !sha.isBlank()) return sha;
        try {
            return GitHead.read(root);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Writes {@code name} in {@code dir} through a temporary file, so that parallel shards never leave half a file. */
    static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
