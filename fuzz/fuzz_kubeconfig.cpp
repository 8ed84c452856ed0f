// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for kubeconfig files: any text must load or be rejected with an error, and
// every context of a file that loads must resolve to a connection or an error, without
// crashing, hanging or undefined behaviour. (Paths inside the file are relative to a scratch
// folder that holds nothing else.)

#include "fuzz_support.h"

#include "live/kubeconfig.h"

#include <cstdint>
#include <cstdlib>

using namespace jobscope::live;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString path = jobscope::fuzz::writeScratchFile(QStringLiteral("config"),
                                                          jobscope::fuzz::bytes(data, size));
    QString error;
    const auto config = Kubeconfig::loadFiles({path}, &error);
    if (!config) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    QStringList contexts = config->contextNames();
    contexts.append(QString()); // current-context
    for (const QString& context : contexts) {
        QString connectionError;
        const auto connection =
            config->connection(context, QStringLiteral("fuzz"), &connectionError);
        if (!connection && connectionError.isEmpty())
            std::abort();
        (void)config->contextNamespace(context);
    }
    return 0;
}
