package com.uberpopug.ates.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The mails that GreenMail, the real SMTP server the tests run against, received for an address. */
public final class GreenMailInbox {

    private static final String API = "http://127.0.0.1:8025/api/user/";

    private GreenMailInbox() {
    }

    public static List<String> subjects(String address) throws Exception {
        return field(address, "subject");
    }

    /** The Message-ID of each mail received: a message sent twice has one Message-ID twice. */
    public static List<String> messageIds(String address) throws Exception {
        return field(address, "Message-ID");
    }

    private static List<String> field(String address, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(API + address + "/messages/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> values = new ArrayList<>();
        JsonNode mails = new ObjectMapper().readTree(response.body());
        if (mails.isArray()) { // before the first mail to an address GreenMail answers with an error object
            mails.forEach(mail -> values.add(mail.get(name).asText()));
        }
        return values;
    }
}
