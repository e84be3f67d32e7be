// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QString>
#include <memory>

namespace Store {

/**
 * When a connection's CRM credential runs out, without the credential itself: what the token-expiry
 * tile, `crmbridgectl connection list` and `status` show. Written whenever tokens are saved (sign-in,
 * refresh) and when a keep-alive check raises a warning. Value type; times are Unix ms, 0 = unknown.
 */
struct CredentialExpiry
{
    QString kind; ///< "oauth" (a refreshable pair) or "long-lived"; empty when nothing was recorded
    qint64 accessExpiresAt = 0;
    qint64 refreshExpiresAt = 0; ///< OAuth only
    QString warning; ///< set while the credential is close to running out and could not be renewed

    bool isKnown() const { return !kind.isEmpty(); }
    /** The moment the connection stops working unless renewed: the refresh token's end, else the access
     * token's. */
    QDateTime deadline() const;
};

/**
 * Keeps CredentialExpiry in the settings table under "connection.<id>.credential_kind",
 * "connection.<id>.access_expires_at", "connection.<id>.refresh_expires_at" and
 * "connection.<id>.expiry_warning" (plain text; no secret ever goes there). Separate from the
 * connection's config so an editor saving an older copy of the connection cannot roll it back.
 * Thread-safe like Storage::Database.
 */
class CredentialExpiryRepo
{
public:
    explicit CredentialExpiryRepo(std::shared_ptr<Storage::Database> db);

    /** Records fresh expiry times and clears any warning. */
    Common::Status record(qint64 connectionId, const CredentialExpiry &expiry);
    /** Sets (or, with an empty text, clears) the warning; the times stay. */
    Common::Status setWarning(qint64 connectionId, const QString &warning);
    Common::Result<CredentialExpiry> load(qint64 connectionId);
    Common::Status remove(qint64 connectionId);

    static QString key(qint64 connectionId, const QString &name);

private:
    std::shared_ptr<Storage::Database> m_db;
};

} // namespace Store
