package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * No body of an API request is larger than {@link #MAX_BYTES}: the largest a valid request needs (a task's
 * 4,000-character description) is a few KiB. A declared larger length is refused at once (413), before
 * anything reads it; a body without a declared length is counted as it is read and refused when it
 * passes the limit.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;
    static final String TOO_LARGE = "The body is larger than this API takes (" + MAX_BYTES / 1024 + " KiB).";

    private final ObjectMapper json;

    public RequestBodyLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            Problems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream());
                }
                return limited;
            }
        }, response);
    }

    /** Whether reading a body failed because it passed the limit. */
    static boolean exceededBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        Limited(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
