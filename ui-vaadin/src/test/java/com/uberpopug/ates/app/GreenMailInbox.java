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
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(API + address + "/messages/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> subjects = new ArrayList<>();
        JsonNode mails = new ObjectMapper().readTree(response.body());
        if (mails.isArray()) { // before the first mail to an address GreenMail answers with an error object
            mails.forEach(mail -> subjects.add(mail.get("subject").asText()));
        }
        return subjects;
    }
}
