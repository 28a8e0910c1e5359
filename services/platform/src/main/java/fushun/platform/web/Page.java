package fushun.platform.web;

import java.util.List;

/** One page of a list endpoint's answer, with the total over all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
