// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoContext.h"

#include "AmoNotifier.h"
#include "AmoSeed.h"
#include "AmoWebhookSender.h"
#include "common/SandboxClock.h"

namespace Sandbox::AmoCrm {

AmoContext::AmoContext(const AmoSandboxOptions &opts, SandboxClock *clk, AmoWebhookSender *webhookSender)
    : options(opts)
    , clock(*clk)
    , sender(*webhookSender)
    , tokens(clk)
    , notifier(std::make_unique<AmoNotifier>(*this))
    , defaultSubdomain(opts.subdomain)
{ }

AmoContext::~AmoContext() = default;

qint64 AmoContext::now() const
{
    return clock.nowSecs();
}

AmoAccount *AmoContext::account(const QString &subdomain)
{
    auto it = accounts.find(subdomain);
    return it == accounts.end() ? nullptr : it->second.get();
}

AmoAccount &AmoContext::defaultAccount()
{
    return *account(defaultSubdomain);
}

AmoAccount &AmoContext::createAccount(const QString &subdomain, qint64 id, const QString &seed)
{
    auto account = std::make_unique<AmoAccount>();
    account->id = id;
    account->subdomain = subdomain;
    account->createdAt = now() - 400 * 86400;
    RateLimitSettings &limits = account->limiter.settings();
    limits.rate = options.rate;
    limits.burst = qMax(1.0, options.rate);
    AmoSeed::apply(*account, seed, now());
    AmoAccount &ref = *account;
    accounts[subdomain] = std::move(account);
    return ref;
}

QString AmoContext::baseUrlFor(const QString &subdomain) const
{
    return QStringLiteral("http://") + refererFor(subdomain);
}

QString AmoContext::refererFor(const QString &subdomain) const
{
    if (subdomain == defaultSubdomain)
        return hostPort;
    return hostPort + QStringLiteral("/_acc/") + subdomain;
}

void AmoContext::reset(const QString &seed, bool keepTokens)
{
    accounts.clear();
    createAccount(defaultSubdomain, options.accountId, seed);
    if (!keepTokens)
        tokens.clear();
    faults.clear();
    counters.reset();
    sender.clear();
    notifier->clear();
}

QJsonObject AmoContext::snapshot() const
{
    QJsonObject accountJson;
    for (const auto &[sub, account] : accounts)
        accountJson.insert(sub, account->toJson());
    return QJsonObject { { "format", "crm-sandbox-amocrm/1" },
                         { "default_subdomain", defaultSubdomain },
                         { "redirect_uri", options.redirectUri },
                         { "clock_offset_ms", clock.offsetMs() },
                         { "accounts", accountJson },
                         { "oauth", tokens.toJson() } };
}

void AmoContext::restore(const QJsonObject &json)
{
    accounts.clear();
    const QJsonObject accountJson = json.value("accounts").toObject();
    for (auto it = accountJson.begin(); it != accountJson.end(); ++it) {
        auto account = std::make_unique<AmoAccount>();
        account->loadJson(it.value().toObject());
        accounts[it.key()] = std::move(account);
    }
    defaultSubdomain = json.value("default_subdomain").toString(defaultSubdomain);
    if (!account(defaultSubdomain))
        createAccount(defaultSubdomain, options.accountId, options.seed);
    if (json.contains("redirect_uri"))
        options.redirectUri = json.value("redirect_uri").toString();
    clock.setOffsetMs(json.value("clock_offset_ms").toInteger());
    tokens.loadJson(json.value("oauth").toObject());
}

} // namespace Sandbox::AmoCrm
