// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoAccount.h"
#include "AmoSandboxOptions.h"
#include "AmoTokens.h"
#include "common/FaultInjector.h"
#include "common/RequestCounters.h"

#include <map>
#include <memory>

namespace Sandbox {
class SandboxClock;
}

namespace Sandbox::AmoCrm {

class AmoNotifier;
class AmoWebhookSender;

/**
 * The state every endpoint group shares: accounts, the default integration, tokens, faults, counters,
 * the clock and the change feed (events and webhooks). Owned by AmoServer; server thread only.
 */
class AmoContext
{
public:
    AmoContext(const AmoSandboxOptions &options, SandboxClock *clock, AmoWebhookSender *sender);
    ~AmoContext();

    AmoSandboxOptions options; ///< redirect URI, token lifetimes etc. may change at run time
    SandboxClock &clock;
    AmoWebhookSender &sender;
    AmoTokens tokens;
    FaultInjector faults;
    RequestCounters counters;
    std::unique_ptr<AmoNotifier> notifier;
    QString hostPort; ///< "127.0.0.1:PORT", known once listening
    QString defaultSubdomain;
    std::map<QString, std::unique_ptr<AmoAccount>> accounts;

    qint64 now() const;
    AmoAccount *account(const QString &subdomain);
    AmoAccount &defaultAccount();
    /** Creates (or replaces) an account filled by the given seed profile ("empty" or "demo"). */
    AmoAccount &createAccount(const QString &subdomain, qint64 id, const QString &seed);

    /** Where a client reaches @p subdomain: the root for the default account, /_acc/<sub> otherwise. */
    QString baseUrlFor(const QString &subdomain) const;
    /** The OAuth `referer`: the base URL without its scheme. */
    QString refererFor(const QString &subdomain) const;

    /** Back to a fresh default account seeded with @p seed; tokens survive only with @p keepTokens. */
    void reset(const QString &seed, bool keepTokens);

    QJsonObject snapshot() const;
    void restore(const QJsonObject &json);
};

} // namespace Sandbox::AmoCrm
