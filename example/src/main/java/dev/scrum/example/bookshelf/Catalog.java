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

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's catalog: every title the library owns, keyed by its ISBN, with
 * the number of physical copies on the shelves.
 *
 * <p>ISBNs are accepted in either the 10-digit or the 13-digit form, with or
 * without hyphens and spaces, and are always stored in the normalised 13-digit
 * form so that a lookup by either form finds the same book.
 */
public final class Catalog {

    /**
     * One title in the catalog.
     *
     * @param isbn      normalised ISBN-13, digits only
     * @param title     the title as printed on the title page
     * @param author    the primary author, "Surname, Given names"
     * @param year      year of publication
     * @param copies    number of physical copies owned by the library
     */
    public record Book(String isbn, String title, String author, int year, int copies) {
        public Book {
            Objects.requireNonNull(isbn, "isbn");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(author, "author");
            if (copies < 0) {
                throw new IllegalArgumentException("copies must not be negative: " + copies);
            }
        }
    }

    private final Map<String, Book> booksByIsbn = new LinkedHashMap<>();

    /**
     * Adds a title, or adds copies to a title that is already catalogued.
     *
     * @param rawIsbn an ISBN-10 or ISBN-13, hyphens and spaces allowed
     * @return the book as stored
     * @throws IllegalArgumentException if the ISBN is malformed or its check digit is wrong
     */
    public Book add(String rawIsbn, String title, String author, int year, int copies) {
        String isbn = normalizeIsbn(rawIsbn);
        Book existing = booksByIsbn.get(isbn);
        Book stored = existing == null
                ? new Book(isbn, title.strip(), author.strip(), year, copies)
                : new Book(isbn, existing.title(), existing.author(), existing.year(), existing.copies() + copies);
        booksByIsbn.put(isbn, stored);
        return stored;
    }

    /** Looks a title up by ISBN in either form; empty when the ISBN is unknown or invalid. */
    public Optional<Book> findByIsbn(String rawIsbn) {
        if (!isValidIsbn(rawIsbn)) {
            return Optional.empty();
        }
        return Optional.ofNullable(booksByIsbn.get(normalizeIsbn(rawIsbn)));
    }

    /**
     * Searches titles and authors for every word of the query, case-insensitively.
     * Results are ordered with title matches first, then by title.
     *
     * @param query free text typed by a patron, e.g. "le guin dispossessed"
     * @param limit the maximum number of results to return
     */
    public List<Book> search(String query, int limit) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        List<Book> hits = new ArrayList<>();
        for (Book book : booksByIsbn.values()) {
            String haystack = (book.title() + " " + book.author()).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                if (!haystack.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits.add(book);
            }
        }
        String first = words[0];
        hits.sort(Comparator
                .comparing((Book b) -> !b.title().toLowerCase(Locale.ROOT).contains(first))
                .thenComparing(Book::title, String.CASE_INSENSITIVE_ORDER));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** All titles by the given author, matched case-insensitively on the full author string. */
    public List<Book> byAuthor(String author) {
        List<Book> result = new ArrayList<>();
        for (Book book : booksByIsbn.values()) {
            if (book.author().equalsIgnoreCase(author.strip())) {
                result.add(book);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Number of copies owned for an ISBN; zero if the title is not catalogued. */
    public int copiesOf(String isbn) {
        return findByIsbn(isbn).map(Book::copies).orElse(0);
    }

    /** Returns true if the string is a well-formed ISBN-10 or ISBN-13 with a correct check digit. */
    public static boolean isValidIsbn(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (s.length() == 13 && s.chars().allMatch(Character::isDigit)) {
            return isbn13CheckDigit(s.substring(0, 12)) == s.charAt(12) - '0';
        }
        if (s.length() == 10 && s.substring(0, 9).chars().allMatch(Character::isDigit)) {
            char last = s.charAt(9);
            int check = last == 'X' ? 10 : Character.isDigit(last) ? last - '0' : -1;
            return check >= 0 && isbn10CheckDigit(s.substring(0, 9)) == check;
        }
        return false;
    }

    /**
     * Normalises an ISBN to its 13-digit form: strips separators, converts
     * ISBN-10 by prefixing 978 and recomputing the check digit.
     */
    public static String normalizeIsbn(String raw) {
        if (!isValidIsbn(raw)) {
            throw new IllegalArgumentException("not a valid ISBN: " + raw);
        }
        String s = raw.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (s.length() == 13) {
            return s;
        }
        String body = "978" + s.substring(0, 9);
        return body + isbn13CheckDigit(body);
    }

    private static int isbn13CheckDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = first12.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    private static int isbn10CheckDigit(String first9) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (first9.charAt(i) - '0') * (10 - i);
        }
        return (11 - sum % 11) % 11;
    }
}
