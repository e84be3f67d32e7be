// SPDX-License-Identifier: GPL-3.0-or-later
#include "Notifier.h"

#include "net/SmtpClient.h"
#include "secrets/SecretStore.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/SettingsRepo.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QSysInfo>

namespace Engine {

Q_LOGGING_CATEGORY(lcNotify, "crmbridge.engine.notify")

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

const QString NotifySettings::kSecretScope = QStringLiteral("notify");
const QString NotifySettings::kPasswordName = QStringLiteral("smtp_password");

namespace {

Error badValue(const QString &key, const QString &value, const QString &expected)
{
    return Error::invalidInput(
        QStringLiteral("The setting %1 is \"%2\"; expected %3").arg(key, value, expected),
        QStringLiteral("bad-setting"));
}

/** The digest's words in the operator's language: the engine's process may speak another. */
QString say(const QString &language, const char *en, const char *ru)
{
    return QString::fromUtf8(language == QLatin1String("ru") ? ru : en);
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

Result<NotifySettings> NotifySettings::load(std::shared_ptr<Storage::Database> db)
{
    auto all = Store::SettingsRepo(std::move(db)).all();
    if (!all)
        return all.error();
    const QMap<QString, QString> &s = all.value();
    NotifySettings n;
    for (const QString &to :
         s.value(QStringLiteral("notify.to")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!to.contains(QLatin1Char('@')))
            return badValue(QStringLiteral("notify.to"), s.value(QStringLiteral("notify.to")),
                            QStringLiteral("e-mail addresses separated by commas"));
        n.to << to.trimmed();
    }
    n.from = s.value(QStringLiteral("notify.from"),
                     QStringLiteral("CRM Bridge <crmbridge@%1>").arg(QSysInfo::machineHostName()));
    if (const QString smtp = s.value(QStringLiteral("notify.smtp")); !smtp.isEmpty()) {
        n.smtp = QUrl(smtp);
        if (!n.smtp.isValid()
            || (n.smtp.scheme() != QLatin1String("smtp") && n.smtp.scheme() != QLatin1String("smtps")))
            return badValue(QStringLiteral("notify.smtp"), smtp,
                            QStringLiteral("smtp://host:port or smtps://host:port"));
    }
    n.smtpUser = s.value(QStringLiteral("notify.smtp_user"));
    n.command = s.value(QStringLiteral("notify.command"));
    if (!n.command.isEmpty()) {
        const QFileInfo file(n.command);
        if (!file.isAbsolute() || !file.isExecutable())
            return badValue(QStringLiteral("notify.command"), n.command,
                            QStringLiteral("the absolute path of an executable"));
    }
    bool ok = true;
    if (s.contains(QStringLiteral("notify.digest_interval_s")))
        n.digestSeconds = s.value(QStringLiteral("notify.digest_interval_s")).toInt(&ok);
    if (!ok || n.digestSeconds <= 0)
        return badValue(QStringLiteral("notify.digest_interval_s"),
                        s.value(QStringLiteral("notify.digest_interval_s")),
                        QStringLiteral("a positive number of seconds"));
    n.language = s.value(QStringLiteral("notify.language"), n.language);
    if (n.language != QLatin1String("ru") && n.language != QLatin1String("en"))
        return badValue(QStringLiteral("notify.language"), n.language, QStringLiteral("ru or en"));
    return n;
}

QString Digest::situation() const
{
    return (paused + expiring).join(QLatin1Char('\n'));
}

QString Digest::subject(const QString &language) const
{
    if (failures > 0)
        return say(language, "CRM Bridge: %1 job(s) failed", "CRM Bridge: не отправлено заданий: %1")
            .arg(failures);
    return say(language, "CRM Bridge needs attention", "CRM Bridge: требуется внимание");
}

QString Digest::body(const QString &language) const
{
    QStringList lines;
    if (failures > 0) {
        lines << (since > 0 ? say(language, "%1 job(s) failed since %2:", "С %2 не отправлено заданий: %1:")
                                  .arg(failures)
                                  .arg(when(since))
                            : say(language, "%1 job(s) failed:", "Не отправлено заданий: %1:").arg(failures));
        for (const Cause &c : causes)
            lines << QStringLiteral("  %1 × %2 [%3, %4]")
                         .arg(c.count)
                         .arg(c.sample.left(300), c.kind, c.fingerprint);
        lines << say(
            language,
            "Resend them with `crmbridgectl resend --failed --group CAUSE` or from the console's Queue.",
            "Повторить: `crmbridgectl resend --failed --group ПРИЧИНА` или на странице «Очередь» консоли.");
    }
    if (!paused.isEmpty()) {
        lines << say(language, "Lanes paused:", "Приостановлены линии:");
        for (const QString &p : paused)
            lines << QStringLiteral("  ") + p;
    }
    if (!expiring.isEmpty()) {
        lines << say(language, "Sign-ins running out:", "Заканчивается вход:");
        for (const QString &e : expiring)
            lines << QStringLiteral("  ") + e;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Notifier::Notifier(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                   const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_clock(clock)
{ }

void Notifier::start(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &Notifier::check);
    }
    m_timer->start(intervalMs);
    check();
}

Result<Digest> Notifier::gather(const NotifySettings &settings)
{
    Q_UNUSED(settings)
    Digest d;
    d.until = m_clock->nowMs();
    auto last = Sql::exec(
        *m_db, QStringLiteral("SELECT covered_until FROM notify_digests ORDER BY slot DESC LIMIT 1"));
    if (!last)
        return last.error();
    if (last->next())
        d.since = last->value(0).toLongLong();
    // Only what is failed now: a job resent since is nobody's worry.
    auto causes = Sql::exec(
        *m_db,
        QStringLiteral("SELECT error_fingerprint, MAX(error_kind), MAX(last_error), COUNT(*) FROM jobs"
                       " WHERE state = 'failed' AND settled_at > ? AND settled_at <= ?"
                       " GROUP BY error_fingerprint ORDER BY COUNT(*) DESC"),
        { d.since, d.until });
    if (!causes)
        return causes.error();
    while (causes->next()) {
        Digest::Cause c { causes->value(0).toString(), causes->value(1).toString(),
                          causes->value(2).toString(), causes->value(3).toInt() };
        d.failures += c.count;
        d.causes << c;
    }
    auto connections = Store::ConnectionRepo(m_db).list();
    if (!connections)
        return connections.error();
    QHash<qint64, QString> names;
    for (const Store::Connection &c : connections.value()) {
        names.insert(c.id, c.name);
        auto expiry = Store::CredentialExpiryRepo(m_db).load(c.id);
        if (expiry && !expiry->warning.isEmpty())
            d.expiring << QStringLiteral("%1: %2").arg(c.name, expiry->warning);
    }
    auto lanes = Store::LaneStatusRepo(m_db).all();
    if (!lanes)
        return lanes.error();
    for (const Store::LaneStatus &lane : lanes.value()) {
        if (lane.state == QLatin1String("paused") && names.contains(lane.connectionId))
            d.paused << QStringLiteral("%1: %2").arg(names.value(lane.connectionId), lane.reason);
    }
    d.paused.sort();
    d.paused.removeDuplicates();
    d.expiring.sort();
    return d;
}

void Notifier::check()
{
    auto settings = NotifySettings::load(m_db);
    if (!settings) {
        qCWarning(lcNotify) << settings.error().message;
        return;
    }
    if (!settings->enabled())
        return;
    const qint64 intervalMs = qint64(settings->digestSeconds) * 1000;
    auto last = Sql::exec(
        *m_db, QStringLiteral("SELECT sent_at, situation FROM notify_digests ORDER BY slot DESC LIMIT 1"));
    if (!last) {
        qCWarning(lcNotify) << last.error().message;
        return;
    }
    QString lastSituation;
    if (last->next()) {
        if (m_clock->nowMs() - last->value(0).toLongLong() < intervalMs)
            return; // the rate limit: one digest per interval
        lastSituation = last->value(1).toString();
    }
    auto digest = gather(settings.value());
    if (!digest) {
        qCWarning(lcNotify) << digest.error().message;
        return;
    }
    const bool changed = !digest->situation().isEmpty() && digest->situation() != lastSituation;
    if (digest->failures == 0 && !changed)
        return;
    // The slot is unique: of several engines on the store, the first to insert it sends the digest.
    const qint64 slot = digest->until / intervalMs;
    auto claimed = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO notify_digests (slot, sent_at, covered_until, failures, situation)"
                       " VALUES (?, ?, ?, ?, ?)"),
        { slot, digest->until, digest->until, digest->failures, digest->situation() });
    if (!claimed)
        return; // another engine sent this slot's digest (or the store refused: nothing is lost, failures
                // stay)
    deliver(settings.value(), digest.value(), slot);
}

void Notifier::deliver(const NotifySettings &settings, const Digest &digest, qint64 slot)
{
    const QString subject = digest.subject(settings.language);
    const QString body = digest.body(settings.language);
    QStringList channels, errors;
    if (!settings.command.isEmpty()) {
        QProcess process;
        process.start(settings.command, { subject });
        if (process.waitForStarted(5000)) {
            process.write(body.toUtf8());
            process.closeWriteChannel();
        }
        if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            process.kill();
            errors << QStringLiteral("%1: %2").arg(settings.command, process.errorString());
        } else {
            channels << QStringLiteral("command");
        }
    }
    auto finish = [this, slot, channels, errors,
                   failures = digest.failures](const QStringList &more, const QString &mailError) mutable {
        channels << more;
        if (!mailError.isEmpty())
            errors << mailError;
        record(slot, channels, errors.join(QLatin1String("; ")));
        Q_EMIT digestSent(failures, channels.join(QLatin1Char(',')), errors.join(QLatin1String("; ")));
    };
    if (!settings.mails()) {
        finish({}, {});
        return;
    }
    auto sendMail = [settings, subject, body, finish](const QByteArray &password) mutable {
        Net::SmtpSettings smtp { settings.smtp, settings.smtpUser, password };
        const Common::Status sent
            = Net::SmtpClient::send(smtp, { settings.from, settings.to, subject, body });
        finish(sent ? QStringList { QStringLiteral("mail") } : QStringList(),
               sent ? QString() : sent.error().message);
    };
    if (settings.smtpUser.isEmpty() || !m_secrets) {
        sendMail({});
        return;
    }
    m_secrets->read(NotifySettings::kSecretScope, NotifySettings::kPasswordName,
                    [sendMail](Common::Result<QByteArray> password) mutable {
                        sendMail(password ? password.value() : QByteArray());
                    });
}

void Notifier::record(qint64 slot, const QStringList &channels, const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcNotify) << "digest not delivered:" << error;
    (void)Sql::exec(*m_db, QStringLiteral("UPDATE notify_digests SET channels = ?, error = ? WHERE slot = ?"),
                    { channels.join(QLatin1Char(',')), error, slot });
}

} // namespace Engine
