import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A throwaway Neo4j for the tests: the Community database from Maven Central, embedded in this
 * JVM, with a Bolt listener on a free loopback port and a password set. Run in source-file mode
 * (no compile step) by test-neo4j.ts:
 *
 *   java -cp '<jars>/*' Launcher.java <work folder> <password>
 *
 * Prints `READY bolt://127.0.0.1:<port> <version>` once the database answers, and stops cleanly
 * (the database is shut down and its files flushed) on SIGTERM or SIGINT, and when its standard
 * input closes, so that a parent killed without warning does not leave it running.
 */
public final class Launcher {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java -cp '<jars>/*' Launcher.java <work folder> <password>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String password = args[1];
    Files.createDirectories(home);
    int port = freeLoopbackPort();
    Path conf = home.resolve("neo4j.conf");
    Files.write(conf, settings(port));

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

    GraphDatabaseService system = service.database("system");
    GraphDatabaseService neo4j = service.database("neo4j");
    if (!neo4j.isAvailable(START_TIMEOUT.toMillis())) {
      System.err.println("test-neo4j: the database did not become available within " + START_TIMEOUT);
      System.exit(1);
    }
    // The built-in user starts with the password "neo4j" and must change it; set ours instead.
    system.executeTransactionally(
        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    String version =
        neo4j.executeTransactionally(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
            Map.of(),
            result -> String.valueOf(result.next().get("v")));

    System.out.println("READY bolt://127.0.0.1:" + port + " " + version);
    System.out.flush();
    waitForEndOfInput(System.in);
    // System.exit runs the shutdown hook, which shuts the database down.
    System.exit(0);
  }

  /** The documented 5.x setting keys; values chosen for a small, short-lived test database. */
  private static List<String> settings(int port) {
    String address = "127.0.0.1:" + port;
    return List.of(
        "server.bolt.enabled=true",
        "server.bolt.listen_address=" + address,
        // Routing (neo4j:// URIs) hands out this address: the same loopback one.
        "server.bolt.advertised_address=" + address,
        "server.bolt.tls_level=DISABLED",
        "server.http.enabled=false",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "server.memory.pagecache.size=128m",
        "db.tx_log.preallocate=false",
        "db.tx_log.rotation.retention_policy=1 files",
        "dbms.usage_report.enabled=false",
        "db.lock.acquisition.timeout=60s");
  }

  /** Asks the OS for a free port; the tiny window before Neo4j binds it is acceptable for tests. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void waitForEndOfInput(InputStream in) {
    try {
      while (in.read() != -1) {
        // Anything written is ignored; only the end of the stream matters.
      }
    } catch (IOException closed) {
      // A broken pipe means the parent is gone: stop as on end of input.
    }
  }
}
