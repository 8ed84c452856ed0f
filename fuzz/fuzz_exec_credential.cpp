// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry for an ExecCredential plugin's output: any bytes must parse or be rejected
// with an error, without crashing, hanging or undefined behaviour, and the error never quotes
// the output (it may hold a credential).

#include "fuzz_support.h"

#include "live/exec_credential.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray output = jobscope::fuzz::bytes(data, size);
    QString error;
    const auto credential = jobscope::live::parseExecCredential(
        output, QStringLiteral("client.authentication.k8s.io/v1"), &error);
    if (!credential) {
        if (error.isEmpty())
            std::abort();
        // A token-like output of some length must not come back in the message.
        const QString text = QString::fromUtf8(output).trimmed();
        if (text.size() >= 24 && error.contains(text))
            std::abort();
    }
    return 0;
}
