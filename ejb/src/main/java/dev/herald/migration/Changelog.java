package dev.herald.migration;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One module's changelog: where it was found, its content, and the name it gives itself with the root element's
 * {@code logicalFilePath} (what {@code DATABASECHANGELOG.FILENAME} records for its change sets, wherever the file
 * sits).
 */
record Changelog(String name, URL source, byte[] content) {

    Changelog {
        Objects.requireNonNull(name);
        Objects.requireNonNull(content);
    }

    /** Reads the changelog's {@code logicalFilePath}; a changelog without one is refused, naming where it was found. */
    static Changelog read(URL source, byte[] content) {
        return new Changelog(logicalName(source, content), source, content);
    }

    static String logicalName(Object source, byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!"databaseChangeLog".equals(reader.getLocalName())) {
                            throw new IllegalStateException(source + " is not a Liquibase XML changelog (root element "
                                    + reader.getLocalName() + ")");
                        }
                        String name = reader.getAttributeValue(null, "logicalFilePath");
                        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
                            throw new IllegalStateException(source + " must name itself with logicalFilePath=\"<module>\""
                                    + " (lower-case letters, digits, . _ -), not " + name);
                        }
                        return name;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(source + " is not well-formed XML: " + e.getMessage(), e);
        }
        throw new IllegalStateException(source + " is empty");
    }
}
