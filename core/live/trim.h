// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a recording keeps of an API object: only the fields
// JobScope reads, so that a trace is small and never carries what it must not — no
// managedFields, no env or envFrom, no command lines, no volumes (projected service-account
// tokens), no kubectl last-applied-configuration, no container messages.
//
// Kept for every kind: apiVersion, kind, and metadata.{name, namespace, uid, resourceVersion,
// generation, generateName, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds,
// finalizers, ownerReferences (apiVersion, kind, name, uid, controller)}, the labels the Job
// controller sets (job-name, controller-uid, batch.kubernetes.io/*) — a Job's labels all (a
// label selector picks Jobs by them) — and the batch.kubernetes.io/* annotations.
// - Job: spec without the Pod template's spec beyond restartPolicy,
//   terminationGracePeriodSeconds and the containers' and init containers' name,
//   restartPolicy and resource requests; the template's metadata filtered as above; the whole
//   status (counters, conditions, uncountedTerminatedPods).
// - Pod: spec.{nodeName, restartPolicy, terminationGracePeriodSeconds} and the containers as
//   in the Job template; status.{phase, reason, startTime, conditions (type, status, reason,
//   lastTransitionTime), containerStatuses and initContainerStatuses (name, ready, started,
//   restartCount, state and lastState: running.startedAt, terminated.{exitCode, reason,
//   startedAt, finishedAt}, waiting.reason)}.
// - Event: involvedObject.{apiVersion, kind, name, namespace, uid}, reason, message, type,
//   count, firstTimestamp, lastTimestamp, eventTime, series.{count, lastObservedTime},
//   reportingComponent, source.component.

#include "live/observation.h"

#include <QJsonObject>

namespace jobscope::live {

QJsonObject trimObject(ObjectKind kind, const QJsonObject& object);

// The kind of an API object from its "kind" field ("Job", "Pod", "Event"), if it is one of
// those.
std::optional<ObjectKind> objectKindOf(const QJsonObject& object);

} // namespace jobscope::live
