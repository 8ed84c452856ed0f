// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The process's memory allocator. A run makes and frees millions of small blocks (Pod names,
// uids, Event texts, each sync's lists), and glibc's malloc spent about a sixth of the engine's
// instructions on them. Builds that find mimalloc (Debian's libmimalloc-dev; CMake option
// JOBSCOPE_MIMALLOC, on by default, off under the sanitizers, which bring their own) link it,
// and it then serves every malloc and operator new of the process, Qt's included.

#include <string>

namespace jobscope {

// Tunes the allocator for JobScope's runs; a program calls it first thing in main. With
// mimalloc: freed memory goes back to the system at once rather than after a delay, which
// keeps the peak of a run that frees as it goes (the simulator's recycled Pod objects) near
// what it holds.
void configureAllocator();

// The allocator the build linked, for benchmarks and reports: "mimalloc 2.0.9" or "system
// malloc".
std::string allocatorName();

// Whether `block` (from malloc or operator new, here or in a library such as Qt) came from that
// allocator: false when the linked mimalloc does not actually serve the process (a link that
// lets the C library's malloc come first).
bool allocatorServes(const void* block);

} // namespace jobscope
