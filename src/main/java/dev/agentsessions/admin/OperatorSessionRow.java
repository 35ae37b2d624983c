package dev.agentsessions.admin;

import java.util.UUID;

/** A listed session with its internal key, which the cursor needs and the API never shows. */
record OperatorSessionRow(UUID id, OperatorSessionView view) {}
