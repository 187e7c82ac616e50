package io.switchboard.contacts.dnc;

import java.util.Set;

/** The closed vocabularies of opt-outs and DNC entries (also CHECK constraints in V9__opt_outs_and_dnc.sql). */
public final class DncVocabulary {

    public static final String CHANNELS = "voice|sms|email";
    public static final String CHANNELS_MESSAGE = "must be one of voice, sms, email";
    public static final String SOURCES = "call|api|import|disposition";
    public static final String SOURCES_MESSAGE = "must be one of call, api, import, disposition";

    public static final String VOICE = "voice";
    public static final String SOURCE_API = "api";
    public static final String SOURCE_IMPORT = "import";
    public static final String SOURCE_DISPOSITION = "disposition";

    /** Do-not-call lists block calls; texts and e-mails are governed by the number's per-channel opt-outs only. */
    public static final Set<String> CHANNELS_A_DNC_LIST_BLOCKS = Set.of(VOICE);

    private DncVocabulary() {
    }
}
