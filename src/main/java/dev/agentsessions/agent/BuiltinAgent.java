package dev.agentsessions.agent;

import dev.agentsessions.message.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo agent: deterministic, no language model, but it really uses the session's history and
 * context, which is what the demo is there to show.
 */
@ApplicationScoped
public class BuiltinAgent implements AgentBackend {

    public static final String TYPE = "builtin";

    private static final Pattern INTRODUCTION =
            Pattern.compile("\\b(?:my name is|call me)\\s+(\\p{L}[\\p{L}\\p{M}'-]{0,39})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NAME_QUESTION =
            Pattern.compile("\\b(?:what(?:'s| is) my name|do you (?:know|remember) my name|who am i)\\b",
                    Pattern.CASE_INSENSITIVE);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public AgentReply reply(AgentCall call) {
        Matcher introduction = INTRODUCTION.matcher(call.message());
        if (introduction.find()) {
            String name = capitalise(introduction.group(1));
            return new AgentReply("Nice to meet you, " + name + "! I will remember your name for this conversation.",
                    Map.of("name", name), null);
        }
        Optional<String> knownName = Optional.ofNullable(call.context().get("name"))
                .filter(String.class::isInstance).map(String.class::cast);
        if (NAME_QUESTION.matcher(call.message()).find()) {
            return AgentReply.of(knownName
                    .map(name -> "Your name is " + name + ".")
                    .orElse("I don't know your name yet. Tell me with \"My name is ...\"."));
        }
        return AgentReply.of(knownName.map(name -> name + ", ").orElse("")
                + "I'm the built-in demo agent, not a language model. " + conversationSummary(call));
    }

    private static String conversationSummary(AgentCall call) {
        String summary = "This conversation has " + call.messageCount() + " messages so far, counting yours.";
        return call.history().stream()
                .filter(m -> "user".equals(m.role()))
                .findFirst()
                .map(MessageView::content)
                .map(first -> summary + " The first thing you said that I still see was: \"" + abbreviate(first) + "\"")
                .orElse(summary + " This is the first thing you said.");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String capitalise(String name) {
        return name.substring(0, 1).toUpperCase() + name.substring(1);
    }
}
