package fushun.platform.web;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON (request bodies, and the answers of the few systems a service
 * calls): a value is taken as sent or refused, never guessed at. See
 * {@code docs/adr/0002-strict-json.md}.
 * <ul>
 *   <li>no text, at any depth (fields, list elements, map keys), holds a control character
 *       ({@link ControlCharacters#inText});</li>
 *   <li>{@code null} inside a list or a map is refused; a property that tolerates null elements
 *       says so with {@code @JsonSetter(contentNulls = Nulls.SET)};</li>
 *   <li>{@code null} for a primitive is refused, not read as 0 or false;</li>
 *   <li>a yes/no is {@code true} or {@code false}: not {@code "true"}, not {@code 1};</li>
 *   <li>a whole number is written as one: {@code 1.5} (or {@code 2.0}) for an integer is refused,
 *       not truncated.</li>
 * </ul>
 * Numbers written as text ({@code "1200.50"}) are still read: the console sends its form fields so,
 * and a decimal written as text is exact.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        SimpleModule module = new SimpleModule("platform-strict-json");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addKeyDeserializer(String.class, new CheckedKeys());
        builder.addModule(module)
                .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** A text with a control character; the message names neither the value nor the character. */
    public static final class ControlCharacterException extends MismatchedInputException {

        ControlCharacterException(JsonParser parser) {
            super(parser, "text holds a control character", String.class);
        }
    }

    /** The standard reading of a text, then the check; not marked as Jackson's own, so lists and maps use it too. */
    static final class CheckedStrings extends StdScalarDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (ControlCharacters.inText(text)) {
                throw new ControlCharacterException(parser);
            }
            return text;
        }
    }

    /** Map keys are names and codes: no control character at all. */
    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (ControlCharacters.inParameter(key)) {
                throw new ControlCharacterException(context.getParser());
            }
            return key;
        }
    }
}
