package dev.agentsessions.deploy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Dockerfiles say about the image they build: its documented tag and the user it runs as. */
final class Dockerfiles {

    private static final Pattern LAST_USER = Pattern.compile("(?s).*^USER\\s+(\\S+)", Pattern.MULTILINE);

    private Dockerfiles() {}

    /** The build command a Dockerfile documents in its header, e.g. `docker build -f Dockerfile.native -t x:1 .`. */
    static String buildCommand(String dockerfile) {
        Matcher command = Pattern.compile("docker build -f " + Pattern.quote(dockerfile) + " -t \\S+ \\.")
                .matcher(Manifests.read(Path.of(dockerfile)));
        if (!command.find()) {
            throw new AssertionError(dockerfile + " documents no `docker build -f " + dockerfile + " -t <image> .`");
        }
        return command.group();
    }

    static String image(String dockerfile) {
        String command = buildCommand(dockerfile);
        return command.substring(command.indexOf(" -t ") + 4, command.length() - 2);
    }

    /** The user of the final stage. */
    static String user(String dockerfile) {
        Matcher user = LAST_USER.matcher(Manifests.read(Path.of(dockerfile)));
        if (!user.find()) {
            throw new AssertionError(dockerfile + " sets no USER");
        }
        return user.group(1);
    }
}
