package dev.herald.codegen;

import java.util.Locale;
import java.util.Set;

/** Java identifiers for JSON property names. */
final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "record", "var", "yield", "sealed", "permits");

    /**
     * Accessors a record component cannot have: they clash with Object's methods or with the generated static
     * {@code builder()}.
     */
    private static final Set<String> TAKEN_ACCESSORS = Set.of("builder", "getClass", "hashCode", "toString",
            "notify", "notifyAll", "wait", "clone", "finalize");

    private JavaNames() {
    }

    /** {@code user_id} → {@code userId}; {@code ticketId} stays; keywords and taken accessors get a suffix. */
    static String componentName(String jsonName) {
        String camel = decapitalize(pascalCase(jsonName));
        if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "p" + capitalize(camel);
        }
        return KEYWORDS.contains(camel) || TAKEN_ACCESSORS.contains(camel) ? camel + "Value" : camel;
    }

    /** {@code email_data} and {@code emailData} → {@code EmailData}. */
    static String pascalCase(String jsonName) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = true;
        for (int i = 0; i < jsonName.length(); i++) {
            char c = jsonName.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                upperNext = true;
            } else {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            }
        }
        if (out.length() > 0 && !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, 'T');
        }
        return out.toString();
    }

    /**
     * The element name of an array property: {@code applications} → {@code Application}. English plurals only as
     * far as the schemas need them; a name that does not look plural gets {@code Item} ({@code to} → {@code ToItem}).
     */
    static String elementTypeName(String arrayProperty) {
        String name = pascalCase(arrayProperty);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies") && name.length() > 3) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
            return name.substring(0, name.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && name.length() > 1) {
            return name.substring(0, name.length() - 1);
        }
        return name + "Item";
    }

    static boolean isPlainComponentName(String jsonName) {
        return componentName(jsonName).equals(jsonName);
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
