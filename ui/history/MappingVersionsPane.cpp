// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingVersionsPane.h"

#include "AuditText.h"
#include "common/MessageBox.h"
#include "mapping/MappingRepo.h"
#include "store/ConnectionRepo.h"
#include "store/MappingHistory.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Gui {

MappingVersionsPane::MappingVersionsPane(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_connection(new QComboBox(this))
    , m_versions(new QListWidget(this))
    , m_diff(new QPlainTextEdit(this))
    , m_rollBack(new QPushButton(tr("Roll back to this version"), this))
    , m_result(new QLabel(this))
{
    m_connection->setObjectName(QStringLiteral("versionsConnection"));
    m_versions->setObjectName(QStringLiteral("mappingVersions"));
    m_diff->setObjectName(QStringLiteral("mappingDiff"));
    m_rollBack->setObjectName(QStringLiteral("rollBackMapping"));
    m_result->setObjectName(QStringLiteral("rollBackResult"));
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_diff->setPlaceholderText(tr("Pick a version to see what it changed."));
    m_rollBack->setEnabled(false);
    m_result->setWordWrap(true);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_versions);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Mapping of"), this));
    top->addWidget(m_connection, 1);
    top->addWidget(m_rollBack);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_result);

    connect(m_connection, &QComboBox::currentIndexChanged, this, &MappingVersionsPane::showVersions);
    connect(m_versions, &QListWidget::currentRowChanged, this, &MappingVersionsPane::showDiff);
    connect(m_rollBack, &QPushButton::clicked, this, &MappingVersionsPane::rollBack);
}

void MappingVersionsPane::reload()
{
    const QVariant chosen = m_connection->currentData();
    QSignalBlocker block(m_connection);
    m_connection->clear();
    auto connections = Store::ConnectionRepo(m_db).list();
    if (connections) {
        for (const Store::Connection &c : connections.value())
            m_connection->addItem(c.name, c.id);
    }
    if (const int i = m_connection->findData(chosen); i >= 0)
        m_connection->setCurrentIndex(i);
    showVersions();
}

void MappingVersionsPane::showVersions()
{
    m_versions->clear();
    m_diff->clear();
    m_rollBack->setEnabled(false);
    const QVariant id = m_connection->currentData();
    if (!id.isValid())
        return;
    auto versions = Store::MappingHistory(m_db).versions(id.toLongLong());
    if (!versions) {
        m_result->setText(versions.error().message);
        return;
    }
    for (const Store::MappingVersion &v : versions.value()) {
        QString text
            = tr("Version %1 — %2, %3@%4 (%5)")
                  .arg(v.id)
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.savedAt), QLocale::ShortFormat),
                       v.actor.user, v.actor.host, AuditText::tool(v.actor.tool));
        if (!v.note.isEmpty())
            text += QStringLiteral(" — ") + v.note;
        auto *item = new QListWidgetItem(text, m_versions);
        item->setData(Qt::UserRole, v.id);
    }
}

void MappingVersionsPane::showDiff()
{
    QListWidgetItem *item = m_versions->currentItem();
    // The newest version is what is in force: rolling back to it would change nothing.
    m_rollBack->setEnabled(item && m_versions->currentRow() > 0);
    if (!item) {
        m_diff->clear();
        return;
    }
    Store::MappingHistory history(m_db);
    auto version = history.version(item->data(Qt::UserRole).toLongLong());
    if (!version) {
        m_diff->setPlainText(version.error().message);
        return;
    }
    QJsonObject before;
    if (QListWidgetItem *older = m_versions->item(m_versions->currentRow() + 1)) {
        if (auto previous = history.version(older->data(Qt::UserRole).toLongLong()))
            before = previous->body;
    }
    const QStringList lines = Store::MappingHistory::diff(before, version->body);
    m_diff->setPlainText(lines.isEmpty()
                             ? tr("No change against the version before it.")
                             : tr("%n change(s) against the version before it:", nullptr, int(lines.size()))
                                 + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

void MappingVersionsPane::rollBack()
{
    QListWidgetItem *item = m_versions->currentItem();
    const QVariant connection = m_connection->currentData();
    if (!item || !connection.isValid())
        return;
    const qint64 versionId = item->data(Qt::UserRole).toLongLong();
    if (MessageBox::question(
            this, tr("Roll back the mapping"),
            tr("Make version %1 the mapping of “%2” again? Running engines use it from their next "
               "round; the current mapping stays as a version you can return to.")
                .arg(versionId)
                .arg(m_connection->currentText()),
            tr("Roll back"))
        != QMessageBox::Yes)
        return;
    if (auto rolled = Mapping::MappingRepo(m_db).rollback(connection.toLongLong(), versionId); !rolled) {
        m_result->setText(rolled.error().message);
        return;
    }
    m_result->setText(tr("The mapping is version %1 again.").arg(versionId));
    showVersions();
    Q_EMIT rolledBack(connection.toLongLong(), versionId);
}

} // namespace Gui
