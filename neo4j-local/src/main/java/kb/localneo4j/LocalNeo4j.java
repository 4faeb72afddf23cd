package kb.localneo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * Runs a Neo4j Community server (Bolt + HTTP + Browser) for the project's local knowledge base.
 *
 * <p>Usage: {@code KB_LOCAL_NEO4J_PASSWORD=PW LocalNeo4j --bolt-port N --http-port N --data-dir PATH
 * [--browser-dir PATH] [--pagecache SIZE] [--tx-memory SIZE]}.
 *
 * <p>With {@code --browser-dir}, the folder's {@code style.grass} and {@code guide.html} are
 * served at {@code /kb/} ({@link ResearchFiles}) and Neo4j Browser applies the style and opens
 * the guide as soon as a user logs in ({@code browser.post_connect_cmd}).
 *
 * <p>It uses the same bootstrapper as {@code neo4j console}, so logs go to stdout and SIGTERM
 * triggers the bootstrapper's shutdown hook, which stops the databases cleanly. Everything Neo4j
 * writes (store, transaction logs, its own debug/query logs, pid file) lives under the data dir.
 */
public final class LocalNeo4j {
    private static final String USER = "neo4j";
    private static final String SETTINGS_VARIABLE = "KB_LOCAL_NEO4J_SETTINGS";

    private LocalNeo4j() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        int boltPort = Integer.parseInt(require(args, "--bolt-port"));
        int httpPort = Integer.parseInt(require(args, "--http-port"));
        Path dataDir = Path.of(require(args, "--data-dir")).toAbsolutePath().normalize();
        // From the environment (not argv) so that `ps` does not show it; --password still works.
        String password = System.getenv().getOrDefault("KB_LOCAL_NEO4J_PASSWORD", args.get("--password"));
        if (password == null || password.isEmpty()) {
            System.err.println("LocalNeo4j: set KB_LOCAL_NEO4J_PASSWORD (or pass --password)");
            System.exit(2);
        }
        Files.createDirectories(dataDir);

        Map<String, String> conf = new HashMap<>();
        conf.put("server.directories.data", dataDir.toString());
        conf.put("server.directories.logs", dataDir.resolve("logs").toString());
        conf.put("server.directories.run", dataDir.resolve("run").toString());
        conf.put("server.directories.import", dataDir.resolve("import").toString());
        conf.put("server.default_listen_address", "127.0.0.1");
        conf.put("server.default_advertised_address", "127.0.0.1");
        conf.put("server.bolt.enabled", "true");
        conf.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        conf.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        conf.put("server.http.enabled", "true");
        conf.put("server.http.listen_address", "127.0.0.1:" + httpPort);
        conf.put("server.http.advertised_address", "127.0.0.1:" + httpPort);
        conf.put("server.https.enabled", "false");
        // The server-side routing connector would bind a third port (7688); not needed standalone.
        conf.put("dbms.routing.enabled", "false");
        conf.put("dbms.security.auth_enabled", "true");
        conf.put("initial.dbms.default_database", "neo4j");
        // Sizes come from kb/sizing.py (kb db start --pagecache / --tx-memory); the heap is -Xmx.
        conf.put("server.memory.pagecache.size", args.getOrDefault("--pagecache", "256m"));
        String txMemory = args.get("--tx-memory");
        if (txMemory != null && !txMemory.isEmpty()) {
            conf.put("dbms.memory.transaction.total.max", txMemory);
        }
        conf.put("db.tx_log.rotation.retention_policy", "2 files");
        conf.put("dbms.usage_report.enabled", "false");
        // Netty otherwise idles 5s per Bolt event loop group on shutdown (the stores are already
        // closed by then); the test harness uses 0 as well.
        conf.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        // Extra settings, one `name=value` per line, applied last so they override the above
        // (kb/localdb.py passes LocalServerConfig.settings; tests use it for tiny memory limits).
        for (String line : System.getenv().getOrDefault(SETTINGS_VARIABLE, "").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                conf.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        String browserDir = args.get("--browser-dir");
        if (browserDir != null && !browserDir.isEmpty()) {
            configureResearchBrowser(conf, Path.of(browserDir).toAbsolutePath().normalize(), httpPort);
        }

        NeoBootstrapper bootstrapper = new CommunityBootstrapper();
        // daemonMode=false keeps the console log appender, i.e. the user log goes to stdout.
        int rc = bootstrapper.start(dataDir, null, conf, false, false);
        if (rc != NeoBootstrapper.OK) {
            System.err.println("LocalNeo4j: Neo4j failed to start (exit code " + rc + ")");
            System.exit(rc);
        }
        try {
            setPassword(bootstrapper.getDatabaseManagementService(), password);
        } catch (RuntimeException e) {
            System.err.println("LocalNeo4j: could not set the password of user neo4j: " + e);
            System.exit(5); // the shutdown hook stops the server cleanly
        }
        // kb/localdb.py waits for "LocalNeo4j: ready" before it logs in (LAUNCHER_PREFIX).
        System.out.println("LocalNeo4j: ready, bolt://127.0.0.1:" + boltPort
                + " http://127.0.0.1:" + httpPort + "/");
        // The bootstrapper's non-daemon threads keep the JVM alive; SIGTERM runs its shutdown hook.
    }

    /**
     * Serves the guide and style at /kb/ (no login needed: the Browser fetches them with plain
     * requests) and makes the Browser load both after connecting. Same host as the Browser, so
     * the remote-content allow-list needs only the loopback names.
     */
    private static void configureResearchBrowser(Map<String, String> conf, Path dir, int httpPort) {
        System.setProperty(ResearchFiles.DIR_PROPERTY, dir.toString());
        String base = "http://127.0.0.1:" + httpPort + "/kb/";
        conf.put("server.unmanaged_extension_classes", "kb.localneo4j=/kb");
        conf.put("dbms.security.http_auth_allowlist", "/,/browser.*,/kb/.*");
        // Neo4j 5.26 still declares this setting under its old name (the docs say "allowlist").
        conf.put("browser.remote_content_hostname_whitelist", "127.0.0.1,localhost");
        conf.put("browser.post_connect_cmd", "style " + base + "style.grass; play " + base + "guide.html");
    }

    /**
     * Makes the password of user neo4j the given one, through the embedded API (which bypasses
     * auth). A restart with an unchanged password only costs a login check: Cypher on a cold JVM
     * takes seconds.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        if (passwordIsCurrent(system, password)) {
            return;
        }
        Map<String, Object> params = Map.of("user", USER, "pw", password);
        try {
            system.executeTransactionally(
                    "ALTER USER $user SET PASSWORD $pw CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("cannot be the same")) {
                // Right password but still flagged "change required": clear only the flag.
                system.executeTransactionally(
                        "ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", Map.of("user", USER));
            } else if (message.contains("does not exist")) {
                system.executeTransactionally(
                        "CREATE USER $user SET PASSWORD $pw CHANGE NOT REQUIRED", params);
            } else {
                throw e;
            }
        }
    }

    private static boolean passwordIsCurrent(GraphDatabaseService system, String password) {
        try {
            AuthManager auth = ((GraphDatabaseAPI) system)
                    .getDependencyResolver()
                    .resolveDependency(AuthManager.class);
            LoginContext login = auth.login(
                    AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception e) {
            return false; // internal API unavailable: fall back to ALTER USER
        }
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                usage("unexpected argument: " + argv[i]);
            }
            args.put(argv[i], argv[++i]);
        }
        return args;
    }

    private static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isEmpty()) {
            usage("missing " + name);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("LocalNeo4j: " + problem);
        System.err.println(
                "usage: LocalNeo4j --bolt-port N --http-port N --data-dir PATH [--browser-dir PATH]"
                        + " [--pagecache SIZE] [--tx-memory SIZE]");
        System.exit(2);
    }
}
