package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceQueryTest {

    static final String APACHE_HEADER = """
            /*
             * Licensed to the Apache Software Foundation (ASF) under one
             * or more contributor license agreements.  See the NOTICE file
             * distributed with this work for additional information
             * regarding copyright ownership.  The ASF licenses this file
             * to you under the Apache License, Version 2.0 (the
             * "License"); you may not use this file except in compliance
             * with the License.  You may obtain a copy of the License at
             *
             *   http://www.apache.org/licenses/LICENSE-2.0
             *
             * Unless required by applicable law or agreed to in writing,
             * software distributed under the License is distributed on an
             * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
             * KIND, either express or implied.  See the License for the
             * specific language governing permissions and limitations
             * under the License.
             */
            """;

    private static final String BODY = """
            /**
             * Charges invoices and records payments.
             */
            public final class InvoiceService {

                private final PaymentGateway gateway;

                public InvoiceService(PaymentGateway gateway) {
                    this.gateway = gateway;
                }

                /** Charges the invoice's total to the customer's card. */
                public Receipt charge(Invoice invoice) {
                    return gateway.charge(invoice.customer(), invoice.total());
                }
            }
            """;

    private static final String JAVA = APACHE_HEADER + """
            package com.example.billing;

            import java.util.List;
            import static java.util.Objects.requireNonNull;
            import com.example.payments.*;

            """ + BODY;

    private static String joined(List<String> passages) {
        return String.join("\n", passages);
    }

    @Test
    void licenceHeaderPackageAndImportsAreGone() {
        String query = joined(SourceQuery.passages(JAVA, 1000));

        assertFalse(query.contains("Licensed"), query);
        assertFalse(query.contains("Apache"), query);
        assertFalse(query.contains("package"), query);
        assertFalse(query.contains("import"), query);
        assertTrue(query.startsWith("/**\n * Charges invoices"), query);
    }

    @Test
    void everyBodyLineSurvivesInOrder() {
        for (int maxChars : new int[] {40, 80, 120, 1000}) {
            List<String> passages = SourceQuery.passages(JAVA, maxChars);
            String query = joined(passages);
            int from = 0;
            for (String line : BODY.lines().filter(l -> !l.isBlank()).toList()) {
                int at = line.length() <= maxChars ? query.indexOf(line, from) : query.indexOf(line.substring(0, maxChars), from);
                assertTrue(at >= 0, "line lost with maxChars " + maxChars + ": " + line);
                from = at;
            }
        }
    }

    @Test
    void passagesRespectMaxCharsAndCutAtLineBoundaries() {
        List<String> passages = SourceQuery.passages(JAVA, 120);
        assertTrue(passages.size() > 2, passages.toString());
        for (String p : passages) {
            assertTrue(p.length() <= 120, p.length() + ": " + p);
            assertFalse(p.isBlank());
            for (String line : p.lines().toList()) {
                assertTrue(BODY.lines().anyMatch(line::equals), "not a whole line of the body: " + line);
            }
        }
    }

    @Test
    void aLongLineIsSplitHardAndNothingOfItIsLost() {
        String longLine = "String s = \"" + "abcdefghij".repeat(25) + "\";";
        List<String> passages = SourceQuery.passages("int a = 1;\n" + longLine + "\nint b = 2;\n", 100);

        assertEquals(List.of("int a = 1;", longLine.substring(0, 100), longLine.substring(100, 200),
                longLine.substring(200) + "\nint b = 2;"), passages);
    }

    @Test
    void aFileWithOnlyHeaderAndImportsHasNoPassage() {
        String file = APACHE_HEADER + "\npackage a.b;\n\nimport java.util.List;\nimport java.util.Map;\n\n\n";
        assertEquals(List.of(), SourceQuery.passages(file, 1000));
        assertEquals(List.of(), SourceQuery.passages("", 1000));
        assertEquals(List.of(), SourceQuery.passages("\n   \n\t\n", 1000));
    }

    @Test
    void pythonHashHeaderIsGone() {
        String python = """
                #!/usr/bin/env python3
                # Copyright 2024 Example Corp.
                # SPDX-License-Identifier: MIT

                # Sends the weekly digest e-mail.
                import smtplib

                def send_digest(user):
                    # build the message
                    return smtplib.SMTP("localhost").send_message(build(user))
                """;
        List<String> passages = SourceQuery.passages(python, 1000);

        assertEquals(List.of("""
                # Sends the weekly digest e-mail.

                def send_digest(user):
                    # build the message
                    return smtplib.SMTP("localhost").send_message(build(user))"""), passages);
    }

    @Test
    void slashSlashHeaderIsGone() {
        String kotlin = """
                // Copyright (c) 2025 Example
                // Use of this source code is governed by the MIT license.
                package com.example

                import kotlinx.coroutines.flow.Flow
                import com.example.model.User as Account

                class RateLimiter(private val perMinute: Int)
                """;
        assertEquals(List.of("class RateLimiter(private val perMinute: Int)"), SourceQuery.passages(kotlin, 1000));
    }

    @Test
    void importsOfEveryJvmLanguageAreGone() {
        String imports = """
                package a.b.c;  // the billing module
                import java.util.*;
                import static java.util.Objects.requireNonNull;
                import java.util.List; // lists
                import scala.collection.mutable._
                import scala.concurrent.{Future, Promise}
                import com.example.User as Account
                  import nested.Thing
                val important = 1
                """;
        assertEquals(List.of("val important = 1"), SourceQuery.passages(imports, 1000));
    }

    @Test
    void anyLeadingBlockCommentBeforePackageIsGone() {
        String java = "/* (c) Example Corp, all rights reserved */\npackage x;\n\nclass A {}\n";
        assertEquals(List.of("class A {}"), SourceQuery.passages(java, 1000));
    }

    @Test
    void otherLeadingCommentsAreKept() {
        String script = "#!/bin/sh\n# Rotates the audit log every night.\nmv audit.log audit.log.1\n";
        assertEquals(List.of(script.strip()), SourceQuery.passages(script, 1000));

        String js = "/* Renders the login form. */\nexport function login() {}\n";
        assertEquals(List.of(js.strip()), SourceQuery.passages(js, 1000));
    }

    @Test
    void aLaterCommentMentioningTheLicenceIsKept() {
        String java = "package a;\n\n/** Checks the licence key of the customer. */\nclass LicenceCheck {}\n";
        assertEquals(List.of("/** Checks the licence key of the customer. */\nclass LicenceCheck {}"),
                SourceQuery.passages(java, 1000));
    }

    @Test
    void maxCharsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SourceQuery.passages("class A {}", 0));
    }

    @Test
    void theMainTypesNameComesFromTheFilesName() {
        assertEquals("ParameterSpec", SourceQuery.primaryName("src/main/java/com/x/ParameterSpec.java", "class Other {}"));
        assertEquals("invoice_service", SourceQuery.primaryName("app\\invoice_service.py", "x = 1"));
        assertEquals("Main", SourceQuery.primaryName("Main.kt", ""));
    }

    @Test
    void withoutAUsableFileNameItIsTheFirstCapitalisedTypeTheCodeDeclares() {
        String counted = """
                /**
                 * Shows the class name of the annotated method; the interface is read by an aspect.
                 */
                // a record of the calls
                public @interface Counted {
                }
                """;
        assertEquals("Counted", SourceQuery.primaryName("src/io/micrometer/package-info.java", counted));
        assertEquals("Counted", SourceQuery.primaryName(null, counted));
        assertEquals("", SourceQuery.primaryName(null, "// class Ghost\nint x;"));
        assertEquals("", SourceQuery.primaryName("", "the class is described elsewhere"));
    }
}
