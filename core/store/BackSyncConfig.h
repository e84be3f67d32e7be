// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectionRepo.h"

#include <QByteArray>
#include <QString>

namespace Store {

/**
 * How stage changes made in a CRM come back to the shop for one connection, kept in the
 * connection's config under "backsync" (no secret: the webhook's URL secret only as a salted hash).
 *
 * - Webhook: the CRM posts to `<publicUrl>/hooks/<crm>/<secret>` (publicUrl forwards to this
 *   machine's intake server); the receiver recognises the secret by hookSalt/hookHash and checks that
 *   the delivery names accountId or subdomain.
 * - Polling: the status lane asks the CRM's events every pollMs (30 s by default).
 * Value type.
 */
struct BackSyncConfig
{
    enum class Mode { Off, Webhook, Polling };

    Mode mode = Mode::Off;
    QString publicUrl;
    qint64 pollMs = 30'000;
    QString accountId; ///< the CRM account, read when back-sync was enabled
    QString subdomain;
    QString hookSalt;
    QString hookHash;

    static QString modeName(Mode mode); ///< "off", "webhook", "poll"
    static BackSyncConfig of(const Connection &connection);
    /** Writes this into connection.config["backsync"]. */
    void applyTo(Connection &connection) const;

    /** The path a CRM posts to: /hooks/<crm>/<secret>. */
    static QString hookPath(const QString &crm, const QString &secret);
    /** Makes a new URL secret, keeps only its salted hash here, and returns it (to register it). */
    QString newHookSecret();
    /** Constant-time check of a secret from a request path against the kept hash. */
    bool acceptsHookSecret(const QByteArray &secret) const;
};

} // namespace Store
