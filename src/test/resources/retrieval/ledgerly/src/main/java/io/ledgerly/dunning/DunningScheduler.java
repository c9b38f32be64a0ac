/*
 * Copyright 2025 Ledgerly B.V. and contributors
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
package io.ledgerly.dunning;

import io.ledgerly.invoice.Invoice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily planner for reminder emails. For each collectible invoice it picks the
 * latest step of the organization's schedule that is due and not yet sent
 * (skipping older missed steps), then batches per customer so that nobody gets
 * two emails in one day. Send time is 09:00 local; weekends move to Monday.
 */
public final class DunningScheduler {

    /** One step of a reminder schedule. */
    public record Step(int offsetDays, String templateId) {
    }

    /** An invoice the scheduler may remind, with what it needs to know about it. */
    public record Candidate(Invoice invoice, String customerEmail, ZoneId customerZone,
                            boolean customerExcluded, boolean invoicePaused, int lastStepSent) {
    }

    /** One reminder email to a customer, covering one or more invoices. */
    public record Reminder(String organizationId, String customerId, String email, ZonedDateTime sendAt,
                           String templateId, List<String> invoiceIds, Map<String, Integer> stepByInvoice) {
    }

    /** Where reminders come from and go to. */
    public interface Reminders {
        List<Candidate> candidates(String organizationId);

        List<Step> schedule(String organizationId);

        void enqueue(Reminder reminder);

        void markStepSent(String invoiceId, int stepIndex);
    }

    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    private final Reminders reminders;

    public DunningScheduler(Reminders reminders) {
        this.reminders = reminders;
    }

    /** Plans today's reminders for one organization and returns them. */
    public List<Reminder> planDay(String organizationId, LocalDate today, ZoneId organizationZone) {
        List<Step> steps = new ArrayList<>(reminders.schedule(organizationId));
        steps.sort(Comparator.comparingInt(Step::offsetDays));
        Map<String, List<Candidate>> byCustomer = new LinkedHashMap<>();
        Map<String, Integer> stepFor = new LinkedHashMap<>();

        for (Candidate c : reminders.candidates(organizationId)) {
            Invoice inv = c.invoice();
            if (!inv.status().isCollectible() || c.customerExcluded() || c.invoicePaused() || inv.dueDate() == null) {
                continue;
            }
            Optional<Integer> step = dueStep(steps, inv.dueDate(), today, c.lastStepSent());
            if (step.isEmpty()) {
                continue;
            }
            stepFor.put(inv.id(), step.get());
            byCustomer.computeIfAbsent(inv.customerId(), k -> new ArrayList<>()).add(c);
        }

        List<Reminder> planned = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> e : byCustomer.entrySet()) {
            List<Candidate> invoices = e.getValue();
            Candidate first = invoices.get(0);
            ZoneId zone = first.customerZone() != null ? first.customerZone() : organizationZone;
            int highest = invoices.stream().mapToInt(c -> stepFor.get(c.invoice().id())).max().orElseThrow();
            List<String> ids = new ArrayList<>();
            Map<String, Integer> stepByInvoice = new LinkedHashMap<>();
            for (Candidate c : invoices) {
                ids.add(c.invoice().id());
                stepByInvoice.put(c.invoice().id(), stepFor.get(c.invoice().id()));
            }
            Reminder r = new Reminder(organizationId, e.getKey(), first.customerEmail(),
                    sendTime(today, zone), steps.get(highest).templateId(), ids, stepByInvoice);
            reminders.enqueue(r);
            for (Candidate c : invoices) {
                reminders.markStepSent(c.invoice().id(), stepFor.get(c.invoice().id()));
            }
            planned.add(r);
        }
        return planned;
    }

    /**
     * The index of the step to send today, if any: the latest step whose date
     * has been reached and which is later than the last step sent. Earlier
     * missed steps are skipped in favour of it.
     */
    static Optional<Integer> dueStep(List<Step> steps, LocalDate dueDate, LocalDate today, int lastStepSent) {
        Integer chosen = null;
        for (int i = lastStepSent + 1; i < steps.size(); i++) {
            if (!dueDate.plusDays(steps.get(i).offsetDays()).isAfter(today)) {
                chosen = i;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** 09:00 local time, moved from a weekend to the following Monday. */
    static ZonedDateTime sendTime(LocalDate day, ZoneId zone) {
        LocalDate d = day;
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            d = d.plusDays(2);
        } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return ZonedDateTime.of(d, SEND_AT, zone);
    }
}
