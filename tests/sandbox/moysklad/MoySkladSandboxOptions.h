// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Sandbox::MoySklad {

/** Start-up settings of a MoySklad sandbox; the command-line flags of crm-sandbox map onto these. */
struct MoySkladSandboxOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0 picks a free port
    QString seed = QStringLiteral("empty"); ///< "empty" or "demo"
    QString login = QStringLiteral("admin@sandbox"); ///< the account admin's login
    QString password = QStringLiteral("sbxPassword1");
    /** Units one request costs out of the 45-per-3-s budget: 1 for a solution token, 4 for a user's
     *  login or token since 2026-12-01 (reference B.3). */
    int weight = 1;
    int budget = 45; ///< units per window; 0 = unlimited
    int windowMs = 3000;
    int webhookTimeoutMs = 1500; ///< how long a webhook receiver may take before a retry
    QString faults; ///< comma-separated fault profiles
    int demoSales = 0; ///< with the "demo" seed: retail sales made in addition to its six (MoySkladSeed)
};

} // namespace Sandbox::MoySklad
