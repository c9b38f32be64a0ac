package dev.scrum.check;

/** The JSON schema of a structured answer (SPEC.md, "The answer asked of a model"), sent as structured output. */
public final class AnswerSchema {

    /** The schema, as sent in Ollama's {@code format} and OpenAI's {@code response_format.json_schema.schema}. */
    public static final String JSON = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["score", "summary", "suggestions", "gaps"],
              "properties": {
                "score":   {"type": "integer", "minimum": 1, "maximum": 10},
                "summary": {"type": "string"},
                "suggestions": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false,
                  "required": ["title", "symbol", "line", "change", "citations"],
                  "properties": {
                    "title":     {"type": "string"},
                    "symbol":    {"type": ["string", "null"]},
                    "line":      {"type": ["integer", "null"]},
                    "change":    {"type": "string"},
                    "citations": {"type": "array", "items": {"type": "string"}}}}},
                "gaps": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false,
                  "required": ["kind", "symbol", "description", "citations"],
                  "properties": {
                    "kind":        {"enum": ["missing", "partial", "contradicts", "unrequested"]},
                    "symbol":      {"type": ["string", "null"]},
                    "description": {"type": "string"},
                    "citations":   {"type": "array", "items": {"type": "string"}}}}}
              }
            }
            """;

    private AnswerSchema() {}
}
