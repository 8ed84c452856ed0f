// SPDX-License-Identifier: GPL-3.0-or-later
// The API server's answers to one sync's writes, shaped like the messages a real API server
// returns (apimachinery StatusError texts) and recorded the way controller.RealPodControl
// records events (controller_utils.go: SuccessfulCreate, FailedCreate, SuccessfulDelete,
// FailedDelete).

#include "reconcile/sync_context.h"

#include <string>

namespace jobscope::detail {

namespace {

constexpr const char* kControllerUser = "system:serviceaccount:kube-system:job-controller";

// The StatusError text for `error` on `verb` of `resource` "name" in `ns`.
std::string apiErrorText(ApiError error, const std::string& verb, const std::string& resource,
                         const std::string& name, const std::string& ns) {
    const std::string object = resource + " \"" + name + "\"";
    switch (error) {
    case ApiError::Quota:
        // ResourceQuota admission: 403 Forbidden.
        return object +
               " is forbidden: exceeded quota: pod-quota, requested: pods=1, limited: pods";
    case ApiError::Forbidden: {
        // RBAC denial; a Job status write is a request on the jobs/status subresource.
        const bool job = resource == "jobs.batch";
        return object + " is forbidden: User \"" + kControllerUser + "\" cannot " + verb +
               " resource \"" + (job ? "jobs/status" : resource) + "\" in API group \"" +
               (job ? "batch" : "") + "\" in the namespace \"" + ns + "\"";
    }
    case ApiError::NamespaceTerminating:
        return object + " is forbidden: unable to create new content in namespace " + ns +
               " because it is being terminated";
    case ApiError::Error:
    case ApiError::None:
        break;
    }
    return "Internal error occurred: " + verb + " " + object +
           ": the server was unable to complete the request";
}

} // namespace

ApiAnswer ApiCalls::createPod(const Job& job, PodCreation creation) {
    ++createCalls_;
    const ApiErrors& errs = input_.apiErrors;
    const std::string& ns = job.metadata.namespace_;
    ApiAnswer answer;
    if (errs.createLimit && createCalls_ > *errs.createLimit) {
        answer.ok = false;
        if (errs.create == ApiError::None) {
            // FakePodControl.CreateLimit's own message.
            answer.error = "not creating pod, limit " + std::to_string(*errs.createLimit) +
                           " already reached (create call " + std::to_string(createCalls_) + ")";
        } else {
            answer.error = apiErrorText(errs.create, "create", "pods", creation.generateName, ns);
            answer.namespaceTerminating = errs.create == ApiError::NamespaceTerminating;
        }
    } else if (!errs.createLimit && errs.create != ApiError::None) {
        answer.ok = false;
        answer.error = apiErrorText(errs.create, "create", "pods", creation.generateName, ns);
        answer.namespaceTerminating = errs.create == ApiError::NamespaceTerminating;
    }
    creation.accepted = answer.ok;
    creation.error = answer.error;
    if (answer.ok) {
        // The API server completes generateName; the simulator names the Pod.
        result_.events.push_back({event_type::Normal, event_reason::SuccessfulCreate,
                                  "Created pod: " + creation.generateName});
    } else if (!answer.namespaceTerminating) {
        result_.events.push_back(
            {event_type::Warning, event_reason::FailedCreate, "Error creating: " + answer.error});
    }
    result_.creations.push_back(std::move(creation));
    return answer;
}

ApiAnswer ApiCalls::deletePod(const Job& job, const Pod& pod) {
    result_.deletedPods.push_back(pod.metadata.name);
    result_.deletedPodObjects.push_back(&pod);
    ApiAnswer answer;
    const ApiError e = input_.apiErrors.deletion;
    // A terminating namespace refuses creations only.
    if (e != ApiError::None && e != ApiError::NamespaceTerminating) {
        answer.ok = false;
        const std::string text =
            apiErrorText(e, "delete", "pods", pod.metadata.name, job.metadata.namespace_);
        result_.events.push_back(
            {event_type::Warning, event_reason::FailedDelete, "Error deleting: " + text});
        answer.error = "unable to delete pods: " + text;
        return answer;
    }
    result_.events.push_back(
        {event_type::Normal, event_reason::SuccessfulDelete, "Deleted pod: " + pod.metadata.name});
    return answer;
}

ApiAnswer ApiCalls::removeFinalizer(const Job& job, const Pod& pod) {
    result_.finalizerRemovals.push_back(pod.metadata.name);
    result_.finalizerRemovalObjects.push_back(&pod);
    ApiAnswer answer;
    const ApiError e = input_.apiErrors.patch;
    if (e != ApiError::None && e != ApiError::NamespaceTerminating) {
        answer.ok = false;
        answer.error = apiErrorText(e, "patch", "pods", pod.metadata.name, job.metadata.namespace_);
    }
    return answer;
}

ApiAnswer ApiCalls::updateStatus(const Job& job) {
    ApiAnswer answer;
    const ApiError e = input_.apiErrors.statusUpdate;
    if (e != ApiError::None && e != ApiError::NamespaceTerminating) {
        answer.ok = false;
        answer.error =
            apiErrorText(e, "update", "jobs.batch", job.metadata.name, job.metadata.namespace_);
        return answer;
    }
    // The API server's status validation with JobManagedBy on (strategy.go
    // getStatusValidationOptions: RejectMoreReadyThanActivePods when ready or active changes).
    const JobStatus& stored = result_.statusUpdated ? result_.status : input_.job.status;
    const JobStatus& written = job.status;
    const bool readyOrActiveChanged =
        written.ready != stored.ready || written.active != stored.active;
    if (input_.gates.jobManagedBy && readyOrActiveChanged && written.ready &&
        *written.ready > written.active) {
        answer.ok = false;
        answer.error =
            "Job.batch \"" + job.metadata.name +
            "\" is invalid: status.ready: Invalid value: " + std::to_string(*written.ready) +
            ": cannot set more ready pods than active";
        return answer;
    }
    if (result_.statusUpdated)
        result_.earlierStatusWrites.push_back(std::move(result_.status));
    result_.statusUpdated = true;
    result_.status = job.status;
    return answer;
}

} // namespace jobscope::detail
