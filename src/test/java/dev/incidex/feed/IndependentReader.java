package dev.incidex.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads Incidex's feeds the way a stranger's feed reader would: apptasticsoftware's RssReader (not
 * Rome, which wrote them), after checking the elements RSS 2.0 and Atom 1.0 require with the JDK's DOM.
 */
public final class IndependentReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private IndependentReader() {}

    /** The items as RssReader reads them, in document order, after the structural checks. */
    public static List<Item> read(FeedFormat format, byte[] body) {
        Document doc = dom(body);
        if (format == FeedFormat.RSS) {
            checkRss(doc);
        } else {
            checkAtom(doc);
        }
        return new RssReader().read(new ByteArrayInputStream(body)).toList();
    }

    private static void checkRss(Document doc) {
        Element rss = doc.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = only(rss, "channel");
        for (String required : List.of("title", "link", "description")) {
            assertThat(text(channel, required)).as("channel " + required).isNotBlank();
        }
        assertThat(URI.create(text(channel, "link")).isAbsolute()).isTrue();
        Set<String> guids = new HashSet<>();
        for (Element item : children(channel, "item")) {
            assertThat(text(item, "title")).isNotBlank();
            assertThat(URI.create(text(item, "link")).isAbsolute())
                    .as("absolute item link")
                    .isTrue();
            Element guid = only(item, "guid");
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guids.add(guid.getTextContent()))
                    .as("unique guid " + guid.getTextContent())
                    .isTrue();
            // RSS 2.0 dates are RFC 822 (RFC 1123's form of it).
            ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
        }
    }

    private static void checkAtom(Document doc) {
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(URI.create(atomText(feed, "id")).isAbsolute()).isTrue();
        assertThat(atomText(feed, "title")).isNotBlank();
        OffsetDateTime.parse(atomText(feed, "updated"));
        boolean feedAuthor = !atomChildren(feed, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element entry : atomChildren(feed, "entry")) {
            assertThat(ids.add(atomText(entry, "id"))).as("unique entry id").isTrue();
            assertThat(URI.create(atomText(entry, "id")).isAbsolute()).isTrue();
            assertThat(atomText(entry, "title")).isNotBlank();
            OffsetDateTime.parse(atomText(entry, "updated"));
            assertThat(feedAuthor || !atomChildren(entry, "author").isEmpty())
                    .as("an author (atom:feed or atom:entry)")
                    .isTrue();
            assertThat(atomChildren(entry, "link"))
                    .anySatisfy(
                            l -> assertThat(URI.create(l.getAttribute("href")).isAbsolute())
                                    .isTrue());
        }
    }

    private static Document dom(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && e.getNamespaceURI() == null
                    && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> atomChildren(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && ATOM.equals(e.getNamespaceURI())
                    && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("exactly one <" + name + ">").hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return only(parent, name).getTextContent();
    }

    private static String atomText(Element parent, String name) {
        List<Element> found = atomChildren(parent, name);
        assertThat(found).as("exactly one atom:" + name).hasSize(1);
        return found.get(0).getTextContent();
    }
}
