package io.switchboard.contacts.importer;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.imports")
public interface ImportConfig {

    /** Largest upload accepted; a bigger one is answered 413 while it streams in (checked on Content-Length first). */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** Longest physical line of a file, in characters; a longer one fails the job (a file without line breaks, garbage). */
    @WithDefault("65536")
    int maxLineLength();

    /** Rows written and committed together with the job's progress: a restart resumes after the last such chunk. */
    @WithDefault("5000")
    int chunkSize();

    /** Where uploads are spooled until their job ends. Must survive a restart (a volume in k8s) for jobs to resume. */
    @WithDefault("${java.io.tmpdir}/switchboard-imports")
    Path spoolDir();

    /** How often the progress stream (Server-Sent Events) looks at the job. */
    @WithDefault("500ms")
    Duration progressInterval();
}
