// SPDX-License-Identifier: GPL-3.0-or-later
// Completion-index bookkeeping (upstream pkg/controller/job/indexed_job_utils.go) and the
// strict index-list parser of pkg/apis/batch/validation.

#include "reconcile/indexes.h"

#include "go_quote.h"
#include "meta_entries.h"
#include "reconcile/job_pods.h"

#include "reconcile/backoff.h"
#include "reconcile/pod_failure_policy.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdio>
#include <limits>
#include <string_view>

namespace jobscope {

namespace {

std::vector<std::string> splitString(const std::string& s, char sep) {
    // strings.Split: n separators give n+1 parts, empty ones included.
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        if (pos == std::string::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::vector<int> sortedIndexes(const std::set<int>& indexes) {
    return std::vector<int>(indexes.begin(), indexes.end());
}

// The same ascending, duplicate-free list as collecting into a std::set, built without a
// tree node per Pod (a sync collects the indexes of every Pod it is given).
std::vector<int> sortedUnique(std::vector<int> indexes) {
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    return indexes;
}

std::vector<int> sortedIndexesOf(const std::vector<const Pod*>& pods) {
    std::vector<int> result;
    result.reserve(pods.size());
    for (const Pod* p : pods) {
        const int ix = getCompletionIndex(*p);
        if (ix != kUnknownCompletionIndex)
            result.push_back(ix);
    }
    return sortedUnique(std::move(result));
}

// parseInt32 of the failure-count annotations: 0 unless a valid non-negative int32.
int32_t parseInt32Annotation(const Pod& pod, const char* key) {
    const std::string* value = pod.metadata.annotation(key);
    if (!value)
        return 0;
    const std::optional<int64_t> v = parseGoInt(*value);
    if (!v || *v < 0 || *v > std::numeric_limits<int32_t>::max())
        return 0;
    return static_cast<int32_t>(*v);
}

// A failure count kept as a number, as parseInt32Annotation reads its decimal text.
int32_t countEntry(const std::optional<int>& count) {
    return count && *count >= 0 ? *count : 0;
}

int completionIndexFromString(const std::string& value) {
    const std::optional<int64_t> i = parseGoInt(value);
    if (!i || *i < 0)
        return kUnknownCompletionIndex;
    // Go's int is 64 bits; anything beyond our int is past every possible completions.
    if (*i > INT_MAX)
        return INT_MAX;
    return static_cast<int>(*i);
}

} // namespace

// --- OrderedIntervals ---------------------------------------------------------------------

OrderedIntervals OrderedIntervals::withOrderedIndexes(const std::vector<int>& newIndexes) const {
    OrderedIntervals single;
    single.items.reserve(newIndexes.size());
    for (int ix : newIndexes)
        single.items.push_back({ix, ix});
    return merge(single);
}

OrderedIntervals OrderedIntervals::merge(const OrderedIntervals& other) const {
    OrderedIntervals result;
    // Take intervals by increasing start; each one extends the last one it touches or
    // overlaps, else starts a new one.
    auto appendOrMerge = [&result](const Interval& iv) {
        if (result.items.empty() || iv.first > result.items.back().last + 1)
            result.items.push_back(iv);
        else if (result.items.back().last < iv.last)
            result.items.back().last = iv.last;
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < items.size() && j < other.items.size()) {
        if (items[i].first < other.items[j].first)
            appendOrMerge(items[i++]);
        else
            appendOrMerge(other.items[j++]);
    }
    while (i < items.size())
        appendOrMerge(items[i++]);
    while (j < other.items.size())
        appendOrMerge(other.items[j++]);
    return result;
}

int OrderedIntervals::total() const {
    int count = 0;
    for (const Interval& iv : items)
        count += iv.last - iv.first + 1;
    return count;
}

std::string OrderedIntervals::toString() const {
    std::string out;
    for (const Interval& iv : items) {
        if (!out.empty())
            out += ',';
        out += std::to_string(iv.first);
        if (iv.last > iv.first) {
            out += iv.last == iv.first + 1 ? ',' : '-';
            out += std::to_string(iv.last);
        }
    }
    return out;
}

bool OrderedIntervals::has(int ix) const {
    // First interval whose last >= ix; ix is covered if that interval starts at or before it.
    auto it = std::lower_bound(items.begin(), items.end(), ix,
                               [](const Interval& iv, int value) { return iv.last < value; });
    return it != items.end() && it->first <= ix;
}

// --- parsing --------------------------------------------------------------------------------

std::optional<int64_t> parseGoInt(std::string_view s) {
    // Plain short decimals (every completion index and counter) cannot overflow: no checks.
    if (!s.empty() && s.size() <= 18) {
        int64_t value = 0;
        bool plain = true;
        for (const char c : s) {
            if (c < '0' || c > '9') {
                plain = false;
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (plain)
            return value;
    }
    std::size_t pos = 0;
    bool negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        negative = s[pos] == '-';
        ++pos;
    }
    if (pos == s.size())
        return std::nullopt;
    // Accumulate as a negative number so that INT64_MIN fits.
    int64_t value = 0;
    for (; pos < s.size(); ++pos) {
        const char c = s[pos];
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value < (std::numeric_limits<int64_t>::min() + digit) / 10)
            return std::nullopt;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == std::numeric_limits<int64_t>::min())
            return std::nullopt;
        value = -value;
    }
    return value;
}

OrderedIntervals parseIndexesFromString(const std::string& indexesStr, int completions) {
    OrderedIntervals result;
    if (indexesStr.empty())
        return result;
    // strings.Split on ',' and then on '-', read in place: every sync parses the Job's
    // completedIndexes, and a copy of each part cost more than the parse.
    const std::string_view text = indexesStr;
    // One interval's text; false to stop (a first index past completions).
    const auto parseInterval = [&](std::string_view intervalStr) {
        const std::size_t dash = intervalStr.find('-');
        const std::optional<int64_t> first = parseGoInt(intervalStr.substr(0, dash));
        if (!first)
            return true; // corrupted interval, ignored
        if (*first >= completions)
            return false;
        Interval inter;
        inter.first = static_cast<int>(*first);
        if (dash != std::string_view::npos) {
            const std::string_view afterDash = intervalStr.substr(dash + 1);
            const std::optional<int64_t> last =
                parseGoInt(afterDash.substr(0, afterDash.find('-')));
            if (!last)
                return true;
            inter.last = *last >= completions ? completions - 1 : static_cast<int>(*last);
        } else {
            inter.last = inter.first;
        }
        if (!result.items.empty() && result.items.back().last == inter.first - 1)
            result.items.back().last = inter.last;
        else
            result.items.push_back(inter);
        return true;
    };
    for (std::size_t start = 0;;) {
        const std::size_t comma = text.find(',', start);
        if (!parseInterval(text.substr(
                start, comma == std::string_view::npos ? std::string_view::npos : comma - start)) ||
            comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return result;
}

IndexIntervalParse parseIndexInterval(const std::string& intervalStr, int32_t completions) {
    IndexIntervalParse out;
    const std::vector<std::string> limits = splitString(intervalStr, '-');
    if (limits.size() > 2) {
        out.error = "the fragment " + goQuote(intervalStr) +
                    " violates the requirement that an index interval can have at most two "
                    "parts separated by '-'";
        return out;
    }
    const std::optional<int64_t> x = parseGoInt(limits[0]);
    if (!x) {
        out.error = "cannot convert string to integer for index: " + goQuote(limits[0]);
        return out;
    }
    if (*x >= completions) {
        out.error = "too large index: " + goQuote(limits[0]);
        return out;
    }
    if (limits.size() > 1) {
        const std::optional<int64_t> y = parseGoInt(limits[1]);
        if (!y) {
            out.error = "cannot convert string to integer for index: " + goQuote(limits[1]);
            return out;
        }
        if (*y >= completions) {
            out.error = "too large index: " + goQuote(limits[1]);
            return out;
        }
        if (*x >= *y) {
            out.error = "non-increasing order, previous: " + std::to_string(*x) +
                        ", current: " + std::to_string(*y);
            return out;
        }
        out.first = static_cast<int32_t>(*x);
        out.last = static_cast<int32_t>(*y);
        return out;
    }
    out.first = out.last = static_cast<int32_t>(*x);
    return out;
}

IndexesFormatResult validateIndexesFormat(const std::string& indexesStr, int32_t completions) {
    IndexesFormatResult out;
    if (indexesStr.empty())
        return out;
    std::optional<int32_t> lastIndex;
    int32_t total = 0;
    for (const std::string& intervalStr : splitString(indexesStr, ',')) {
        const IndexIntervalParse iv = parseIndexInterval(intervalStr, completions);
        if (iv.error) {
            out.error = iv.error;
            return out;
        }
        if (lastIndex && *lastIndex >= iv.first) {
            out.error = "non-increasing order, previous: " + std::to_string(*lastIndex) +
                        ", current: " + std::to_string(iv.first);
            return out;
        }
        total += iv.last - iv.first + 1;
        lastIndex = iv.last;
    }
    out.total = total;
    return out;
}

// --- Pods and indexes -------------------------------------------------------------------------

int getCompletionIndex(const std::map<std::string, std::string>& annotations) {
    auto it = annotations.find(completionIndexKey());
    if (it == annotations.end())
        return kUnknownCompletionIndex;
    return completionIndexFromString(it->second);
}

int getCompletionIndex(const Pod& pod) {
    if (pod.indexEntries) {
        // As completionIndexFromString reads the decimal text: a negative index is unknown.
        const std::optional<int>& index = pod.indexEntries->completionIndex;
        return index && *index >= 0 ? *index : kUnknownCompletionIndex;
    }
    const std::string& key = completionIndexKey();
    const auto& annotations = pod.metadata.annotations;
    if (const auto annotation = findEntry(annotations, key); annotation != annotations.end())
        return completionIndexFromString(annotation->second);
    const auto& labels = pod.metadata.labels;
    const auto label = findEntry(labels, key);
    return label != labels.end() ? completionIndexFromString(label->second)
                                 : kUnknownCompletionIndex;
}

void setCompletionIndex(Pod& pod, std::optional<int> index) {
    if (pod.indexEntries) {
        pod.indexEntries->completionIndex = index;
        return;
    }
    setNumberEntry(pod.metadata.annotations, completionIndexKey(), index);
    setNumberEntry(pod.metadata.labels, completionIndexKey(), index);
}

void setIndexEntries(Pod& pod, const Pod::IndexEntries& entries) {
    pod.indexEntries = entries;
    if (pod.metadata.annotations.empty() && pod.metadata.labels.empty())
        return;
    for (const std::string* key :
         {&completionIndexKey(), &indexFailureCountKey(), &indexIgnoredFailureCountKey()}) {
        for (auto* map : {&pod.metadata.annotations, &pod.metadata.labels})
            if (const auto it = findEntry(*map, *key); it != map->end())
                map->erase(it);
    }
}

bool hasJobTrackingFinalizer(const Pod& pod) {
    return pod.metadata.hasFinalizer(jobTrackingFinalizer);
}

bool hasBackoffLimitPerIndex(const Job& job, const FeatureGates& gates) {
    return gates.jobBackoffLimitPerIndex && job.spec.backoffLimitPerIndex.has_value();
}

std::pair<OrderedIntervals, OrderedIntervals>
calculateSucceededIndexes(const Job& job, std::span<const Pod* const> pods) {
    const int completions = job.spec.completions.value_or(0);
    OrderedIntervals prev = parseIndexesFromString(job.status.completedIndexes, completions);
    std::vector<int> newSucceeded;
    for (const Pod* p : pods) {
        // Only Pods still holding the finalizer are not yet counted in the status.
        if (p->phase != pod_phase::Succeeded || !hasJobTrackingFinalizer(*p))
            continue;
        const int ix = getCompletionIndex(*p);
        if (ix != kUnknownCompletionIndex && ix < completions)
            newSucceeded.push_back(ix);
    }
    OrderedIntervals result = prev.withOrderedIndexes(sortedUnique(std::move(newSucceeded)));
    return {std::move(prev), std::move(result)};
}

bool isIndexFailed(const Job& job, const Pod& pod, const FeatureGates& gates) {
    bool countedFailure = false;
    if (isPodFailed(pod, job, gates)) {
        if (job.spec.podFailurePolicy) {
            const PodFailurePolicyMatch match =
                matchPodFailurePolicy(&*job.spec.podFailurePolicy, pod, gates);
            if (match.action && *match.action == pod_failure_policy_action::FailIndex)
                return true;
            countedFailure = match.countFailed;
        } else {
            countedFailure = true;
        }
    }
    return countedFailure && job.spec.backoffLimitPerIndex &&
           getIndexFailureCount(pod) >= *job.spec.backoffLimitPerIndex;
}

OrderedIntervals calculateFailedIndexes(const Job& job, std::span<const Pod* const> pods,
                                        const FeatureGates& gates) {
    const int completions = job.spec.completions.value_or(0);
    OrderedIntervals prev;
    if (job.status.failedIndexes)
        prev = parseIndexesFromString(*job.status.failedIndexes, completions);
    std::set<int> newFailed;
    for (const Pod* p : pods) {
        const int ix = getCompletionIndex(*p);
        if (ix != kUnknownCompletionIndex && ix < completions && hasJobTrackingFinalizer(*p) &&
            isIndexFailed(job, *p, gates))
            newFailed.insert(ix);
    }
    return prev.withOrderedIndexes(sortedIndexes(newFailed));
}

std::set<int> getIndexes(const std::vector<const Pod*>& pods) {
    std::set<int> result;
    for (const Pod* p : pods) {
        const int ix = getCompletionIndex(*p);
        if (ix != kUnknownCompletionIndex)
            result.insert(ix);
    }
    return result;
}

std::vector<int> firstPendingIndexes(const Job& job, const std::vector<const Pod*>& activePods,
                                     std::span<const Pod* const> pods,
                                     const OrderedIntervals& succeededIndexes,
                                     const std::optional<OrderedIntervals>& failedIndexes,
                                     int count, int completions, const FeatureGates& gates) {
    std::vector<int> result;
    if (count <= 0)
        return result;
    OrderedIntervals nonPending = succeededIndexes.withOrderedIndexes(sortedIndexesOf(activePods));
    if (onlyReplaceFailedPods(job, gates)) {
        std::vector<const Pod*> terminating;
        for (const Pod* p : pods)
            if (isPodTerminating(*p))
                terminating.push_back(p);
        nonPending = nonPending.withOrderedIndexes(sortedIndexesOf(terminating));
    }
    if (failedIndexes)
        nonPending = nonPending.merge(*failedIndexes);
    // Walk the gaps between the non-pending intervals; bounded by their number and count.
    int candidate = 0;
    for (const Interval& iv : nonPending) {
        for (; candidate < completions && static_cast<int>(result.size()) < count &&
               candidate < iv.first;
             ++candidate)
            result.push_back(candidate);
        if (candidate < iv.last + 1)
            candidate = iv.last + 1;
    }
    for (; candidate < completions && static_cast<int>(result.size()) < count; ++candidate)
        result.push_back(candidate);
    return result;
}

namespace {

// appendPodsWithSameIndexForRemovalAndRemaining: of Pods sharing a valid index keep the one
// deleted last; Pods without a valid index all go.
void appendSameIndexPods(std::vector<const Pod*>& rm, std::vector<const Pod*>& left,
                         std::vector<const Pod*> group, int ix,
                         const PodDeletionLess& deletionLess) {
    if (ix == kUnknownCompletionIndex) {
        rm.insert(rm.end(), group.begin(), group.end());
        return;
    }
    if (group.empty())
        return;
    if (group.size() == 1) {
        left.push_back(group.front());
        return;
    }
    std::stable_sort(group.begin(), group.end(), deletionLess);
    rm.insert(rm.end(), group.begin(), group.end() - 1);
    left.push_back(group.back());
}

} // namespace

void appendDuplicatedIndexPodsForRemoval(std::vector<const Pod*>& rm, std::vector<const Pod*>& left,
                                         std::vector<const Pod*> pods, int completions,
                                         const PodDeletionLess& deletionLess) {
    std::stable_sort(pods.begin(), pods.end(), [](const Pod* a, const Pod* b) {
        return getCompletionIndex(*a) < getCompletionIndex(*b);
    });
    int lastIndex = kUnknownCompletionIndex;
    std::size_t firstRepeatPos = 0;
    std::size_t countLooped = 0;
    for (std::size_t i = 0; i < pods.size(); ++i) {
        const int ix = getCompletionIndex(*pods[i]);
        if (ix >= completions) {
            // Sorted by index: this and every later Pod is out of range.
            rm.insert(rm.end(), pods.begin() + static_cast<std::ptrdiff_t>(i), pods.end());
            break;
        }
        if (ix != lastIndex) {
            appendSameIndexPods(
                rm, left,
                std::vector<const Pod*>(pods.begin() + static_cast<std::ptrdiff_t>(firstRepeatPos),
                                        pods.begin() + static_cast<std::ptrdiff_t>(i)),
                lastIndex, deletionLess);
            firstRepeatPos = i;
            lastIndex = ix;
        }
        ++countLooped;
    }
    appendSameIndexPods(
        rm, left,
        std::vector<const Pod*>(pods.begin() + static_cast<std::ptrdiff_t>(firstRepeatPos),
                                pods.begin() + static_cast<std::ptrdiff_t>(countLooped)),
        lastIndex, deletionLess);
}

std::map<int, const Pod*> getPodsWithDelayedDeletionPerIndex(
    const Job& job, std::span<const Pod* const> pods, const std::vector<const Pod*>& activePods,
    const OrderedIntervals& succeededIndexes, const std::optional<OrderedIntervals>& failedIndexes,
    const ViewSet& expectedRmFinalizers, const FeatureGates& gates) {
    // Failed Pods of active indexes may go: the active Pod already carries the failure count.
    const std::set<int> activeIndexes = getIndexes(activePods);
    const int completions = job.spec.completions.value_or(0);
    std::map<int, const Pod*> delayed;
    for (const Pod* p : pods) {
        // getValidPodsWithFilter: only Pods not yet accounted for in the status.
        if (!hasJobTrackingFinalizer(*p) || expectedRmFinalizers.count(p->metadata.uid))
            continue;
        const int ix = getCompletionIndex(*p);
        if (job.spec.isIndexed() && (ix == kUnknownCompletionIndex || ix >= completions))
            continue;
        if (!isPodFailed(*p, job, gates) || ix == kUnknownCompletionIndex || ix >= completions)
            continue;
        if (succeededIndexes.has(ix) || (failedIndexes && failedIndexes->has(ix)) ||
            activeIndexes.count(ix))
            continue;
        auto it = delayed.find(ix);
        if (it == delayed.end()) {
            delayed[ix] = p;
            continue;
        }
        const Pod* kept = it->second;
        if (getIndexAbsoluteFailureCount(*kept) <= getIndexAbsoluteFailureCount(*p) &&
            !(podFinishedTime(*p) < podFinishedTime(*kept)))
            it->second = p;
    }
    return delayed;
}

int32_t getIndexFailureCount(const Pod& pod) {
    if (pod.indexEntries)
        return countEntry(pod.indexEntries->failureCount);
    return parseInt32Annotation(pod, kJobIndexFailureCountAnnotation);
}

int32_t getIndexIgnoredFailureCount(const Pod& pod) {
    if (pod.indexEntries)
        return countEntry(pod.indexEntries->ignoredFailureCount);
    return parseInt32Annotation(pod, kJobIndexIgnoredFailureCountAnnotation);
}

int32_t getIndexAbsoluteFailureCount(const Pod& pod) {
    // int32 sum wraps as in Go.
    return static_cast<int32_t>(static_cast<int64_t>(getIndexFailureCount(pod)) +
                                getIndexIgnoredFailureCount(pod));
}

std::pair<int32_t, int32_t> getNewIndexFailureCounts(const Job& job, const Pod* podBeingReplaced,
                                                     const FeatureGates& gates) {
    if (!podBeingReplaced)
        return {0, 0};
    int32_t failureCount = getIndexFailureCount(*podBeingReplaced);
    int32_t ignoredCount = getIndexIgnoredFailureCount(*podBeingReplaced);
    // The replaced Pod's own failure goes to the ignored counter when an Ignore rule matched.
    if (job.spec.podFailurePolicy &&
        !matchPodFailurePolicy(&*job.spec.podFailurePolicy, *podBeingReplaced, gates).countFailed)
        ++ignoredCount;
    else
        ++failureCount;
    return {failureCount, ignoredCount};
}

std::string podGenerateNameWithIndex(const std::string& jobName, int index) {
    char digits[16];
    const char* digitsEnd = std::to_chars(digits, digits + sizeof digits, index).ptr;
    // "-INDEX-": at most 13 characters, well within the limit. Too long a name: the Job's name
    // is cut so that the index part stays whole.
    const std::size_t indexPart = std::size_t(digitsEnd - digits) + 2;
    const std::size_t kept = std::min(jobName.size(), kMaxGeneratedNameLength - indexPart);
    std::string name;
    name.reserve(kept + indexPart);
    name.append(jobName, 0, kept);
    name += '-';
    name.append(digits, std::size_t(digitsEnd - digits));
    name += '-';
    return name;
}

} // namespace jobscope
