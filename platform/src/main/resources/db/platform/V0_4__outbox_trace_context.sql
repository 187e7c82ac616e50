-- Tracing: the W3C trace context (traceparent, tracestate) of the transaction that wrote the event. The relay
-- publishes the row later on its own thread; it parents its "publish" span on this context and passes it on in the
-- Kafka record's headers, so the consumer's work joins the trace of the request that caused it. NULL for rows
-- written before tracing or outside any trace (the relay then starts a new trace).
ALTER TABLE outbox_event ADD COLUMN trace_parent TEXT, ADD COLUMN trace_state TEXT;
