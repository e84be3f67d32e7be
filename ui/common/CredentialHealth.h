// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace Gui {

/**
 * How the CRM sign-ins stand, from the store alone (each connection's state and the credential expiry
 * CredentialExpiryRepo records when its tokens are saved), so the dashboard and the status bar never
 * read the keychain.
 * The expiry that matters is the refresh token's (the engine renews the access token itself) or, for
 * a long-lived token, the token's own. An API-key connection (RetailCRM, CrmTerms::apiKey) has no
 * expiry: it counts only when its key is missing or refused. Plain value; computed on the GUI thread.
 */
struct CredentialHealth
{
    Q_DECLARE_TR_FUNCTIONS(Gui::CredentialHealth)
public:
    /** NoExpiry: every connection signs in with an API key that does not expire. */
    enum class Level { NoConnection, NoExpiry, Unknown, Ok, Warning, Problem };
    Level level = Level::NoConnection;
    QString connectionName; ///< the connection that runs out first (or needs a sign-in)
    QString crmName; ///< NoExpiry / Problem: the CRM of that connection ("RetailCRM")
    bool apiKey = false; ///< NoExpiry / Problem: that connection signs in with an API key
    qint64 accessAtMs = 0;
    qint64 refreshAtMs = 0;
    qint64 runsOutAtMs = 0; ///< refresh expiry, else access expiry; 0 when unknown
    bool neverSignedIn = false; ///< Problem: the connection was added but never signed in

    QString warning; ///< the keep-alive's warning for that connection, when it could not renew

    /** Warning when fewer than warnDays are left (amoCRM: refresh tokens live three months) or when
     *  the keep-alive left a warning. */
    static CredentialHealth of(const QList<Store::Connection> &connections,
                               const QHash<qint64, Store::CredentialExpiry> &expiries, qint64 nowMs,
                               int warnDays = 14);
    /** The same, read from the store (connections and their recorded expiry). */
    static CredentialHealth fromStore(std::shared_ptr<Storage::Database> db, qint64 nowMs);

    /** "89 days", "5 hours", "expired". */
    static QString timeLeft(qint64 atMs, qint64 nowMs);
    /** One short line for the status bar. */
    QString statusText(qint64 nowMs) const;
    /** The tile's figure and its line of detail. */
    QString tileValue(qint64 nowMs) const;
    QString tileDetail() const;
};

} // namespace Gui
