package dev.herald.codegen;

import com.palantir.javapoet.TypeName;

/** One property of an object schema as a record component: its JSON name, Java name, type and Javadoc. */
record RecordComponent(String jsonName, String javaName, TypeName type, String javadoc) {

    /** JSON-B must be told the JSON name whenever the Java name is not it. */
    boolean renamed() {
        return !jsonName.equals(javaName);
    }
}
