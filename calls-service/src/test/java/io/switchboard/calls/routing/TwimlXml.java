package io.switchboard.calls.routing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** TwiML answers parsed as XML, so tests assert elements and attributes, never strings. */
public final class TwimlXml {

    private TwimlXml() {
    }

    /** The document's root, which must be a TwiML {@code <Response>}. */
    public static Element response(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if (!"Response".equals(root.getTagName())) {
                throw new AssertionError("TwiML root is <" + root.getTagName() + ">, not <Response>");
            }
            return root;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    /** The element children's tag names, in order. */
    public static List<String> verbs(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The only child element, which must have this tag. */
    public static Element only(Element parent, String tag) {
        List<Element> children = children(parent);
        if (children.size() != 1 || !children.get(0).getTagName().equals(tag)) {
            throw new AssertionError("expected exactly <" + tag + "> in <" + parent.getTagName() + ">, got " + verbs(parent));
        }
        return children.get(0);
    }
}
