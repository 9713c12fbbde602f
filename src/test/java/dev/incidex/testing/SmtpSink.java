package dev.incidex.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that speaks just enough of RFC 5321 for a mail client to hand it
 * messages (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), and keeps every message it accepted.
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message: its recipients, its headers (unfolded, names in lower case) and its body. */
    public record Message(List<String> recipients, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket socket;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public SmtpSink() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> converse(client), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 sink ESMTP ready");
            List<String> recipients = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf(':') + 1).strip());
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        messages.add(read(in, List.copyOf(recipients)));
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away; what it sent before is kept.
        }
    }

    private static Message read(BufferedReader in, List<String> recipients) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        boolean inHeaders = true;
        String last = null;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (line.startsWith("..")) {
                line = line.substring(1);
            }
            if (inHeaders) {
                if (line.isEmpty()) {
                    inHeaders = false;
                } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                    headers.put(last, headers.get(last) + " " + line.strip());
                } else if (line.contains(":")) {
                    last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                    headers.put(last, line.substring(line.indexOf(':') + 1).strip());
                }
            } else {
                body.append(line).append('\n');
            }
        }
        return new Message(recipients, headers, body.toString());
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
