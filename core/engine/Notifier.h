// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace Secrets {
class SecretStore;
}

namespace Engine {

/** Who is told, how and how often: the engine settings `notify.*` (README, "Notifications"). */
struct NotifySettings
{
    static const QString kSecretScope; ///< the SMTP password: SecretStore scope "notify",
    static const QString kPasswordName; ///< name "smtp_password" (never in the settings)

    QStringList to; ///< notify.to: e-mail addresses, comma-separated
    QString from; ///< notify.from (default "CRM Bridge <crmbridge@HOST>")
    QUrl smtp; ///< notify.smtp: smtp://host:port or smtps://host:port
    QString smtpUser; ///< notify.smtp_user (the password is in the secret store)
    QString command; ///< notify.command: an executable that gets the digest on stdin
    int digestSeconds = 900; ///< notify.digest_interval_s: at most one digest per this many seconds
    QString language = QStringLiteral("ru"); ///< notify.language: ru or en

    bool mails() const { return !to.isEmpty() && smtp.isValid(); }
    bool enabled() const { return mails() || !command.isEmpty(); }
    /** Reads and checks the settings; a bad value is an InvalidInput naming the key. */
    static Common::Result<NotifySettings> load(std::shared_ptr<Storage::Database> db);
};

/** What a digest tells: failures new since the last one (still failed now), paused lanes, sign-ins
 *  running out. */
struct Digest
{
    struct Cause
    {
        QString fingerprint;
        QString kind;
        QString sample;
        int count = 0;
    };
    QList<Cause> causes;
    int failures = 0;
    QStringList paused; ///< "connection: reason"
    QStringList expiring; ///< "connection: warning"
    qint64 since = 0; ///< the end of what the previous digest covered (0: none)
    qint64 until = 0;

    QString situation() const; ///< paused and expiring, as one comparable text
    QString subject(const QString &language) const;
    QString body(const QString &language) const;
};

/**
 * Tells operators without a console that something needs them: when jobs fail, a lane pauses, or a
 * sign-in nears its end, a digest by e-mail (SMTP, the password from the secret store) and/or to an
 * executable, in the operator's language, at most one per `notify.digest_interval_s` across every engine
 * on the store (a digest claims its time slot in `notify_digests`; the slot is unique). A digest is
 * sent only when there is something new: failures since the last digest, or a changed set of paused
 * lanes and expiring sign-ins. Lives on a thread of its own (EngineHost owns it): sending mail blocks.
 */
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
             const Common::Clock *clock = Common::Clock::system(), QObject *parent = nullptr);

    /** Looks every @p intervalMs (the settings are read again each time). Call on the notifier's thread. */
    void start(int intervalMs = 60'000);
    /** One look now: gathers, claims the slot, sends. */
    void check();
    /** What a digest would say now (nothing claimed, nothing sent). */
    Common::Result<Digest> gather(const NotifySettings &settings);

Q_SIGNALS:
    /** A digest went out (@p error empty) or could not be delivered. */
    void digestSent(int failures, const QString &channels, const QString &error);

private:
    void deliver(const NotifySettings &settings, const Digest &digest, qint64 slot);
    void record(qint64 slot, const QStringList &channels, const QString &error);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    const Common::Clock *m_clock;
    QTimer *m_timer = nullptr;
};

} // namespace Engine
