package com.webptbridge.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An endpoint's path as its segments (literals and {@code :parameters}), built rather than
 * written as text, so that nothing has to parse it back: the Vert.x route, the path parameters an
 * OpenAPI document lists, the form docs/api.md shows and the same resource under
 * {@code /api/interfaces/:interface} all come from one value. A segment may be a member of a family
 * (a reference kind's {@code payers}): a literal in the route, {@code {kind}} in the docs.
 */
record ApiPath(List<Segment> segments) {

    /** The path parameter that names the interface in {@code /api/interfaces/:interface/...}. */
    static final String INTERFACE = "interface";

    /** A literal ({@code family} null unless it stands for one of several, e.g. a kind) or a parameter. */
    record Segment(String name, boolean param, String family) {}

    ApiPath {
        segments = List.copyOf(segments);
    }

    /** A path of literal segments, e.g. {@code of("api", "messages")} for {@code /api/messages}. */
    static ApiPath of(String... literals) {
        ApiPath p = new ApiPath(List.of());
        for (String literal : literals) {
            p = p.then(literal);
        }
        return p;
    }

    ApiPath then(String literal) {
        return with(new Segment(literal, false, null));
    }

    ApiPath param(String name) {
        return with(new Segment(name, true, null));
    }

    /** A literal that is one of a family, written {@code {family}} in the docs. */
    ApiPath member(String literal, String family) {
        return with(new Segment(literal, false, family));
    }

    private ApiPath with(Segment s) {
        List<Segment> out = new ArrayList<>(segments);
        out.add(s);
        return new ApiPath(out);
    }

    /** The same resource as one interface's: {@code /api/x} becomes {@code /api/interfaces/:interface/x}. */
    ApiPath ofInterface() {
        List<Segment> out =
                new ArrayList<>(ApiPath.of("api", "interfaces").param(INTERFACE).segments());
        out.addAll(segments.subList(1, segments.size()));
        return new ApiPath(out);
    }

    /** The route as Vert.x takes it: {@code /api/messages/:journalId}. */
    String vertx() {
        return render(s -> s.param() ? ":" + s.name() : s.name());
    }

    /** As people read it: {@code /api/messages/{journalId}}, {@code /api/payers/{key}}. */
    String template() {
        return render(s -> s.param() ? "{" + s.name() + "}" : s.name());
    }

    /** As docs/api.md lists it: a family member as its family, {@code /api/{kind}/{key}}. */
    String documented() {
        return render(
                s -> s.param() || s.family() != null ? "{" + (s.param() ? s.name() : s.family()) + "}" : s.name());
    }

    /** The path parameters' names, in order. */
    List<String> parameters() {
        return segments.stream().filter(Segment::param).map(Segment::name).toList();
    }

    /** The path with each parameter given a value (e.g. the request's, or a sample). */
    String filled(UnaryOperator<String> value) {
        return render(s -> s.param() ? value.apply(s.name()) : s.name());
    }

    /**
     * The path parameters of a request path this route matched, each percent-decoded exactly once
     * from the path as sent (the router's own decoding is not trusted to agree with itself: the
     * key read and the key logged must be one value). 400 when it is not valid percent-encoding.
     */
    Map<String, String> values(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < segments.size() && i + 1 < parts.length; i++) {
            if (segments.get(i).param()) {
                try {
                    out.put(
                            segments.get(i).name(),
                            URLDecoder.decode(parts[i + 1].replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "The request's path is not valid percent-encoding.");
                }
            }
        }
        return out;
    }

    private String render(java.util.function.Function<Segment, String> segment) {
        return segments.stream().map(segment).collect(Collectors.joining("/", "/", ""));
    }
}
