package kb.localneo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

/**
 * Serves the project's Neo4j Browser guide and GraSS style from the Neo4j HTTP server itself,
 * mounted at {@code /kb} (an unmanaged extension, see {@link LocalNeo4j}).
 *
 * <p>Why here and not from the API: the Browser fetches {@code :style} and {@code :play} URLs
 * right after login, and the files must be there whenever the Browser is, even when the API is
 * not running. Same host and port as the Browser, so no internet and no cross-origin set-up.
 * The files are written by kb/localdb.py into the folder named by the system property
 * {@code kb.browser.dir} before the server starts; only plain names ending in .html or .grass
 * are served, so nothing outside that folder can be reached.
 */
@javax.ws.rs.Path("/")
public class ResearchFiles {
    static final String DIR_PROPERTY = "kb.browser.dir";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|grass)");

    @GET
    @javax.ws.rs.Path("{name}")
    public Response file(@PathParam("name") String name) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || !NAME.matcher(name).matches()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Path file = Path.of(dir).resolve(name);
        if (!Files.isRegularFile(file)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        try {
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
            return Response.ok(Files.readAllBytes(file), type)
                    .header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            return Response.serverError().build();
        }
    }
}
