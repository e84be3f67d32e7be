// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopSource.h"
#include "SourceRepo.h"
#include "common/SecretHash.h"

#include <QString>
#include <QStringList>

namespace Source {

/**
 * A shop's webhooks to the bridge's intake server, kept in the source's config under "webhooks" (no
 * secret: the URL secret only as a salted hash). The shop posts to `<publicUrl>/shops/<source>/<secret>`
 * (publicUrl forwards to the intake server of an engine); the intake answers at once and the source's
 * poller reads the source straight away, so a webhook only says "look now" and the poller's marks keep
 * every event exactly once, whatever the shop sends, repeats or drops. While webhooks are on, the
 * poller's own schedule is only the fallback (sources.webhook_poll_interval_ms, 60 s by default).
 * `hookIds` are the shop's ids of the registered webhooks, to remove them again. Value type.
 */
struct ShopWebhooks
{
    QString publicUrl; ///< empty: no webhooks
    Common::SecretHash::KeptSecret secret;
    QStringList hookIds;

    bool isOn() const { return !publicUrl.isEmpty() && !secret.hash.isEmpty(); }
    static ShopWebhooks of(const SourceRecord &record);
    /** Writes this into record.config["webhooks"] (removes the key when off). */
    void applyTo(SourceRecord &record) const;

    /** The path a shop posts to: /shops/<source>/<secret>. */
    static QString hookPath(const QString &source, const QString &secret);
    /** The whole URL the shop is given. */
    QString hookUrl(const QString &source, const QString &secret) const;
    /** What the bridge's own writes to the shop carry as "mute these" (MoySklad's
     *  X-Lognex-WebHook-DisableByPrefix): every URL of this source's webhooks starts with it. */
    QString ownWritesPrefix(const QString &source) const;

    /**
     * Switches @p record's webhooks to @p publicUrl (empty: off) through its opened @p source: the
     * webhooks registered before are removed first, then a new URL secret is made and the shop is asked
     * to post to it, and the record is saved with the secret's hash and the shop's webhook ids. Nothing
     * is saved when the shop refuses. Engines read the change at their next start (until then a running
     * poller keeps its schedule, and a webhook still makes it read at once). Calling thread.
     */
    static Common::Result<ShopWebhooks> switchTo(const QString &publicUrl, SourceRecord record,
                                                 ShopSource &source, SourceRepo &repo);
};

} // namespace Source
