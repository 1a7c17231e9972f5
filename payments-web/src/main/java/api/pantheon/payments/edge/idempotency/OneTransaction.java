package api.pantheon.payments.edge.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A call whose work is one short transaction on the request's own thread (it waits on nothing
 * outside this server). With an {@code Idempotency-Key}, the {@link IdempotencyFilter} runs it
 * inside a transaction that also keeps its answer, so that the work and the record of it commit
 * together: a retry can never find the work done and the key unused. Calls that wait on a business
 * system or answer from another thread keep the key in transactions of their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneTransaction {
}
