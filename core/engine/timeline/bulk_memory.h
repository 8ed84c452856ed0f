// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reserving the large arrays of a Timeline and an Analysis (hundreds of thousands of
// observations, rows and Pods) in one go, and asking the kernel to back them with huge pages.
//
// Why: on a 100 000-Pod run these arrays are ~200 MB written once, front to back. With 4 KiB
// pages that is ~50 000 page faults, which on a virtual machine cost more than everything the
// simulator computes (the benchmark's profile); with 2 MiB pages it is a few hundred. The
// advice only changes how the memory is backed, never what it holds; where the kernel has no
// transparent huge pages it is a no-op.

#include <cstddef>
#include <utility>
#include <vector>

namespace jobscope {

// madvise(MADV_HUGEPAGE) on the whole 2 MiB-aligned pages inside [data, data + bytes).
// Silently does nothing where unsupported or for small ranges.
void adviseHugePages(void* data, std::size_t bytes);

// v.reserve(count), then the advice on the reserved storage when it is large.
template <class T> void reserveBulk(std::vector<T>& v, std::size_t count) {
    if (count <= v.capacity())
        return;
    v.reserve(count);
    adviseHugePages(v.data(), v.capacity() * sizeof(T));
}

// Grows the storage by half again (with the advice) instead of doubling, for arrays whose
// final size was estimated up front and may be exceeded a little.
template <class T> void growBulk(std::vector<T>& v) {
    reserveBulk(v, v.capacity() + v.capacity() / 2 + 16);
}

// push_back that grows a full array with growBulk.
template <class T, class U> void pushBulk(std::vector<T>& v, U&& value) {
    if (v.size() == v.capacity())
        growBulk(v);
    v.push_back(std::forward<U>(value));
}

} // namespace jobscope
