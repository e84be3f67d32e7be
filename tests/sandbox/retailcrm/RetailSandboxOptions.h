// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Sandbox::RetailCrm {

/** Start-up settings of a RetailCRM sandbox; the command-line flags of crm-sandbox map onto these. */
struct RetailSandboxOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0 picks a free port
    QString seed = QStringLiteral("empty"); ///< "empty" or "demo"
    QString site = QStringLiteral("demo-shop"); ///< code of the first site
    QString apiKey = QStringLiteral("sbxRetailKey0123456789abcdefGHIJ"); ///< full-access key
    double rate = 10; ///< requests per second per API key; 0 = unlimited
    int answerMs = 0; ///< how long every API answer takes (ms); POST /__sandbox/rate-limit {"answer_ms"}
    QString faults; ///< comma-separated fault profiles
};

} // namespace Sandbox::RetailCrm
