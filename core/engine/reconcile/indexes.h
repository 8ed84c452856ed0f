// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Completion-index bookkeeping of Indexed Jobs (upstream pkg/controller/job/indexed_job_utils.go):
// index intervals as written in status.completedIndexes and status.failedIndexes, the completion
// index of a Pod, the per-index failure counters, and the choice of indexes for new Pods. Also the
// strict index-list parser of the API validation (pkg/apis/batch/validation: validateIndexesFormat
// / parseIndexInterval).

#include "job.h"
#include "pod.h"
#include "reconcile/feature_gates.h"
#include "reconcile/view_set.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace jobscope {

inline constexpr int kUnknownCompletionIndex = -1;
inline constexpr const char* kCompletionIndexEnvName = "JOB_COMPLETION_INDEX";
// names.MaxGeneratedNameLength: 63 minus the 5 random characters the API server appends.
inline constexpr std::size_t kMaxGeneratedNameLength = 58;

// A closed range of indexes [first, last].
struct Interval {
    int first = 0;
    int last = 0;

    bool operator==(const Interval&) const = default;
};

// Sorted, disjoint, non-adjacent intervals (upstream orderedIntervals).
class OrderedIntervals {
public:
    OrderedIntervals() = default;
    OrderedIntervals(std::initializer_list<Interval> intervals) : items(intervals) {}
    explicit OrderedIntervals(std::vector<Interval> intervals) : items(std::move(intervals)) {}

    // A new list that also holds `newIndexes`, given in increasing order (withOrderedIndexes).
    OrderedIntervals withOrderedIndexes(const std::vector<int>& newIndexes) const;
    // A new list holding the indexes of both lists (merge).
    OrderedIntervals merge(const OrderedIntervals& other) const;
    // Number of indexes covered (total).
    int total() const;
    // "1,3-5,7,8": runs of three or more as a-b, two as a,b (String).
    std::string toString() const;
    // Whether ix is covered; binary search (has).
    bool has(int ix) const;

    bool empty() const { return items.empty(); }
    std::size_t size() const { return items.size(); }
    const Interval& operator[](std::size_t i) const { return items[i]; }
    std::vector<Interval>::const_iterator begin() const { return items.begin(); }
    std::vector<Interval>::const_iterator end() const { return items.end(); }
    bool operator==(const OrderedIntervals&) const = default;

    std::vector<Interval> items;
};

// Lenient parse of status.completedIndexes / failedIndexes / successPolicy succeededIndexes as
// the controller does it (parseIndexesFromString): corrupted items are skipped, parsing stops
// at the first item starting at or past `completions`, ends are clipped to completions-1.
OrderedIntervals parseIndexesFromString(const std::string& indexesStr, int completions);

// Strict parse used by API validation (parseIndexInterval / validateIndexesFormat). `error`
// holds upstream's message ("too large index: \"7\"", ...) when the text is invalid.
struct IndexIntervalParse {
    int32_t first = 0;
    int32_t last = 0;
    std::optional<std::string> error;
};
IndexIntervalParse parseIndexInterval(const std::string& intervalStr, int32_t completions);

struct IndexesFormatResult {
    int32_t total = 0; // number of indexes listed; 0 on error
    std::optional<std::string> error;
};
IndexesFormatResult validateIndexesFormat(const std::string& indexesStr, int32_t completions);

// Go's strconv.Atoi for 64-bit int: optional sign, decimal digits only, range-checked.
std::optional<int64_t> parseGoInt(std::string_view s);
// Go's %q of a string (double-quoted, with backslash escapes).
std::string goQuote(const std::string& s);

// The completion index in the batch.kubernetes.io/job-completion-index annotation
// (getCompletionIndex); kUnknownCompletionIndex when missing, not an integer, or negative.
int getCompletionIndex(const std::map<std::string, std::string>& annotations);
// As above for a Pod. Beyond upstream (which reads only the annotation): when the annotation is
// absent, the label of the same name is read, so hand-written or trimmed Pods that carry only
// the label keep their index. Controller-created Pods always carry both.
int getCompletionIndex(const Pod& pod);
// Writes `index` into the Pod's index annotation and label, as the controller creates it, or
// removes both (NonIndexed); into its number when the Pod keeps its entries as numbers.
void setCompletionIndex(Pod& pod, std::optional<int> index);
// Gives the Pod its index entries as numbers (Pod::indexEntries), removing their text. Every
// reader answers as it would for the decimal text of the same numbers.
void setIndexEntries(Pod& pod, const Pod::IndexEntries& entries);

bool hasJobTrackingFinalizer(const Pod& pod);
// spec.backoffLimitPerIndex is set and the JobBackoffLimitPerIndex gate is on
// (hasBackoffLimitPerIndex).
bool hasBackoffLimitPerIndex(const Job& job, const FeatureGates& gates);

// (indexes from status.completedIndexes, those plus Pods that succeeded since and still carry
// the tracking finalizer) — calculateSucceededIndexes. Requires spec.completions.
std::pair<OrderedIntervals, OrderedIntervals>
calculateSucceededIndexes(const Job& job, std::span<const Pod* const> pods);

// status.failedIndexes plus the indexes whose Pod failed for the last time since
// (calculateFailedIndexes). Requires spec.completions and spec.backoffLimitPerIndex.
OrderedIntervals calculateFailedIndexes(const Job& job, std::span<const Pod* const> pods,
                                        const FeatureGates& gates);

// Whether this Pod's failure fails its index: a FailIndex pod-failure-policy rule matched, or
// the failure counts and the index's failure count reached backoffLimitPerIndex (isIndexFailed).
bool isIndexFailed(const Job& job, const Pod& pod, const FeatureGates& gates);

// The set of valid completion indexes of these Pods (getIndexes).
std::set<int> getIndexes(const std::vector<const Pod*>& pods);

// Up to `count` indexes below `completions` that are neither active, succeeded, failed nor —
// with podReplacementPolicy Failed (or a pod failure policy) — held by a terminating Pod
// (firstPendingIndexes; upstream reads these from its syncJobCtx). `pods` is every Pod of the
// Job, used for the terminating ones.
std::vector<int> firstPendingIndexes(const Job& job, const std::vector<const Pod*>& activePods,
                                     std::span<const Pod* const> pods,
                                     const OrderedIntervals& succeededIndexes,
                                     const std::optional<OrderedIntervals>& failedIndexes,
                                     int count, int completions, const FeatureGates& gates);

// controller.ActivePods' "less" (which Pod to delete first); supplied by the caller.
using PodDeletionLess = std::function<bool(const Pod*, const Pod*)>;

// Active Pods with a repeated index keep one Pod per index (the last under `deletionLess`);
// the others, Pods without a valid index and Pods with index >= completions go to `rm`
// (appendDuplicatedIndexPodsForRemoval). `pods` is sorted by index in place (stable).
void appendDuplicatedIndexPodsForRemoval(std::vector<const Pod*>& rm, std::vector<const Pod*>& left,
                                         std::vector<const Pod*> pods, int completions,
                                         const PodDeletionLess& deletionLess);

// Per index without an active Pod that neither succeeded nor failed, the last failed Pod
// (highest absolute failure count, then latest finish), whose finalizer removal — and so
// deletion — waits until its replacement exists (getPodsWithDelayedDeletionPerIndex).
// Only Pods with the tracking finalizer whose uid is not in `expectedRmFinalizers` count, as
// upstream's getValidPodsWithFilter.
std::map<int, const Pod*> getPodsWithDelayedDeletionPerIndex(
    const Job& job, std::span<const Pod* const> pods, const std::vector<const Pod*>& activePods,
    const OrderedIntervals& succeededIndexes, const std::optional<OrderedIntervals>& failedIndexes,
    const ViewSet& expectedRmFinalizers, const FeatureGates& gates);

// Annotation counters of a Pod (getIndexFailureCount, getIndexAbsoluteFailureCount): 0 when
// missing, unparsable, negative or above int32 max.
int32_t getIndexFailureCount(const Pod& pod);
int32_t getIndexIgnoredFailureCount(const Pod& pod);
int32_t getIndexAbsoluteFailureCount(const Pod& pod);

// The counters (failure count, ignored failure count) for a Pod replacing `podBeingReplaced`
// (getNewIndexFailureCounts); (0, 0) when there is none.
std::pair<int32_t, int32_t> getNewIndexFailureCounts(const Job& job, const Pod* podBeingReplaced,
                                                     const FeatureGates& gates);

// generateName for the Pod of an index, "<job>-<index>-", the job name cut so that the whole
// stays within kMaxGeneratedNameLength (podGenerateNameWithIndex).
std::string podGenerateNameWithIndex(const std::string& jobName, int index);

} // namespace jobscope
