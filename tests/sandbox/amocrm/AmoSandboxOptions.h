// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Sandbox::AmoCrm {

/** Start-up settings of an amoCRM sandbox; the command-line flags of crm-sandbox map onto these. */
struct AmoSandboxOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0 picks a free port
    QString seed = QStringLiteral("empty"); ///< "empty" or "demo"
    QString subdomain = QStringLiteral("sandbox");
    qint64 accountId = 31234567;
    QString clientId = QStringLiteral("5f1c9a0e-4b7d-4a53-9b1e-0c2d3e4f5a6b");
    QString clientSecret
        = QStringLiteral("sbxSecret0123456789abcdefGHIJKLMNOPqrstuvwxyz0123456789ABCDEFghij");
    QString redirectUri = QStringLiteral("http://127.0.0.1:8787/callback");
    double rate = 7; ///< requests per second per account; 0 = unlimited
    /** How long every API answer takes (ms), as the real service's hundreds of ms over the internet;
     *  0 = at once (loopback). Changed at run time with POST /__sandbox/account {"answer_ms":…}. */
    int answerMs = 0;
    QString faults; ///< comma-separated fault profiles
    QString snapshotFile; ///< loaded at start when it exists, written at stop
    bool autoApprove = false; ///< GET /oauth redirects at once instead of showing Allow/Deny
    int webhookTimeoutMs = 2000;
    qint64 accessTokenTtlSecs = 86400;
    qint64 refreshTokenTtlSecs = 90 * 86400;
    qint64 authCodeTtlSecs = 20 * 60;
};

} // namespace Sandbox::AmoCrm
