#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a Qt Test suite with every signal logged (-vs: each emitted signal with its QString
# arguments, so every error, warning and state text the live source reports is in the log, not
# only what the test chose to check), then fails when the log holds a credential.
#
#   secret_audit.sh [--plain] LOG SUITE [ARGS…]
#
# --plain runs the suite without -vs, for a suite whose signals carry the server's bytes in bulk
# (the hostile server's floods: logging them would measure the logger's memory, not the
# client's); such a suite prints every message the live source gave it instead.
#
# Every credential the suites hand to the live source (tokens, token files, URL user
# information, exec plugin output, client keys) contains the marker JSSECRET. Redacted, the
# whole credential becomes "[redacted]"; leaked, the marker shows, as text or inside base64 (the
# three encodings of the marker at each byte alignment, without the characters that depend on
# what surrounds it). The suite's own status is kept: a failing suite fails here too.
set -uo pipefail

signals=-vs
if [[ $1 == --plain ]]; then
    signals=
    shift
fi
log=$1
shift
"$@" $signals >"$log" 2>&1
status=$?
if [[ ! -s $log ]]; then
    echo "secret_audit: $1 wrote nothing to audit" >&2
    exit 1
fi
# Qt's network internals pass the server's raw bytes around in signals (a fake server that echoes
# a credential back is one of the cases): those are what arrives, not what JobScope reports.
transport='Signal: (QHttpThreadDelegate|QNetworkReply[A-Za-z]*|QHttpNetwork[A-Za-z]*|QAbstractSocket|QTcpSocket|QSslSocket)\('
if leaks=$(grep -n -a -F -e JSSECRET -e SlNTRUNS -e pTU0VDUkVU -e KU1NFQ1JF "$log" |
    grep -a -v -E "$transport" | head -20) &&
    [[ -n $leaks ]]; then
    echo "secret_audit: $1 printed a credential (full log: $log):" >&2
    echo "$leaks" | cut -c1-400 >&2
    exit 1
fi
if [[ $status -ne 0 ]]; then
    # The suite's own failure, shown as ctest would show it.
    grep -a -E "^(FAIL!|XPASS|QFATAL|   Loc:|Totals:)" "$log" | head -40 >&2
    grep -a -v -E "^INFO   : " "$log" | tail -60 >&2
fi
exit "$status"
