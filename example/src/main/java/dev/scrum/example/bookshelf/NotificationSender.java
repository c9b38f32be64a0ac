/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.scrum.example.bookshelf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends due-date reminders and overdue notices by email.
 *
 * <p>Intended to run once a day from a scheduler. For every active loan it
 * decides whether today is a reminder day, builds the message and hands it
 * to a {@link MailTransport}. Members who switched reminders off receive
 * nothing.
 */
public final class NotificationSender {

    /** Days before the due date on which the courtesy reminder goes out. */
    public static final int REMINDER_DAYS_BEFORE_DUE = 2;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** A plain-text email ready to send. */
    public record Message(String to, String subject, String body) { }

    /** Delivers messages; the production implementation talks SMTP. */
    @FunctionalInterface
    public interface MailTransport {
        void send(Message message);
    }

    private final MailTransport transport;
    private final Catalog catalog;
    private final String libraryName;

    public NotificationSender(MailTransport transport, Catalog catalog, String libraryName) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.libraryName = Objects.requireNonNull(libraryName, "libraryName");
    }

    /**
     * Sends today's reminders and overdue notices.
     *
     * @param loans   all loans; returned ones are skipped
     * @param members looks a member up by id
     * @param today   the day the job runs for
     * @return the messages that were sent
     */
    public List<Message> sendDaily(Collection<Loan> loans, Function<String, Member> members, LocalDate today) {
        List<Message> sent = new ArrayList<>();
        for (Loan loan : loans) {
            if (!loan.isActive()) {
                continue;
            }
            Member member = members.apply(loan.memberId());
            if (member == null || !member.remindersEnabled()) {
                continue;
            }
            Optional<Message> message = messageFor(loan, member, today);
            message.ifPresent(m -> {
                transport.send(m);
                sent.add(m);
            });
        }
        return sent;
    }

    /** The message due for a loan today, if any. */
    Optional<Message> messageFor(Loan loan, Member member, LocalDate today) {
        String title = catalog.findByIsbn(loan.isbn()).map(Catalog.Book::title).orElse("a library item");
        if (today.equals(loan.dueOn().minusDays(REMINDER_DAYS_BEFORE_DUE))) {
            return Optional.of(new Message(member.email(),
                    "Reminder: \"" + title + "\" is due on " + DATE.format(loan.dueOn()),
                    greeting(member)
                            + "This is a friendly reminder that \"" + title + "\" is due back on "
                            + DATE.format(loan.dueOn()) + ".\n\n"
                            + "You can renew it online or at any desk unless another member is waiting for it.\n\n"
                            + signature()));
        }
        if (today.equals(loan.dueOn().plusDays(1))) {
            return Optional.of(new Message(member.email(),
                    "Overdue: \"" + title + "\"",
                    greeting(member)
                            + "\"" + title + "\" was due back on " + DATE.format(loan.dueOn())
                            + " and is now overdue. Fines of " + OverdueFines.format(OverdueFines.DAILY_RATE_CENTS)
                            + " per day apply after a grace period of " + OverdueFines.GRACE_DAYS + " day.\n\n"
                            + signature()));
        }
        return Optional.empty();
    }

    private String greeting(Member member) {
        return "Dear " + member.name() + ",\n\n";
    }

    private String signature() {
        return "Kind regards,\n" + libraryName + "\n\n"
                + "You receive this email because reminders are switched on in your account. "
                + "You can switch them off under Account > Notifications.";
    }
}
