package io.switchboard.contacts.importer;

import java.io.IOException;

/** The file as a whole cannot be imported (not text, not UTF-8, a line too long, broken quoting): the job fails with this message. */
class BadFileException extends IOException {

    BadFileException(String message) {
        super(message);
    }
}
