// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryPage.h"

#include "AuditTableModel.h"
#include "AuditText.h"
#include "MappingVersionsPane.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

HistoryPage::HistoryPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_model(new AuditTableModel(db, this))
    , m_filter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_versions(new MappingVersionsPane(db, this))
{
    setObjectName(QStringLiteral("historyPage"));
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    for (const auto &[prefix, name] : AuditText::filters())
        m_filter->addItem(name, prefix);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AuditTableModel::Details, QHeaderView::Stretch);

    auto *actions = new QWidget(this);
    auto *actionsLayout = new QVBoxLayout(actions);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show"), actions));
    top->addWidget(m_filter);
    top->addStretch(1);
    actionsLayout->addLayout(top);
    actionsLayout->addWidget(m_table, 1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("historyTabs"));
    tabs->addTab(actions, tr("Actions"));
    tabs->addTab(m_versions, tr("Mapping versions"));
    // The page's title and margins as on every other page.
    auto *title = new QLabel(tr("History"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(tabs, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &HistoryPage::reload);
    connect(m_versions, &MappingVersionsPane::rolledBack, this,
            [this] { (void)m_model->reload(m_filter->currentData().toString()); });
}

void HistoryPage::reload()
{
    (void)m_model->reload(m_filter->currentData().toString());
    m_versions->reload();
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

} // namespace Gui
