// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocator.h"

#if JOBSCOPE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace jobscope {

void configureAllocator() {
#if JOBSCOPE_WITH_MIMALLOC
    mi_option_set(mi_option_decommit_delay, 0);
#endif
}

std::string allocatorName() {
#if JOBSCOPE_WITH_MIMALLOC
    const int version = mi_version(); // major * 100 + minor * 10 + patch: 209 is 2.0.9
    return "mimalloc " + std::to_string(version / 100) + "." + std::to_string(version / 10 % 10) +
           "." + std::to_string(version % 10);
#else
    return "system malloc";
#endif
}

bool allocatorServes(const void* block) {
#if JOBSCOPE_WITH_MIMALLOC
    return mi_is_in_heap_region(block);
#else
    return block != nullptr;
#endif
}

} // namespace jobscope
